/// One terminal cell: the text drawn in it and its style. The right half of a wide character is
/// a continuation cell that holds no text of its own.
public struct Cell: Sendable, Hashable {
    /// One grapheme (possibly with combining marks); empty for a continuation cell.
    public var text: String
    public var style: CellStyle
    /// True for the second column of a wide character.
    public var isContinuation: Bool

    /// A cell showing `text` in `style`.
    public init(_ text: String = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.text = text; self.style = style; self.isContinuation = isContinuation
    }

    /// A blank cell.
    public static let blank = Cell()
}
