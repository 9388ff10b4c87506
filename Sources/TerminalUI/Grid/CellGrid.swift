/// A rectangle of cells that views draw into; the backend diffs two grids to find what to send.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]

    /// A blank grid of `width` × `height`.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// A blank grid the size of a terminal.
    public init(size: TerminalSize) { self.init(width: size.columns, height: size.rows) }

    public var size: TerminalSize { TerminalSize(columns: width, rows: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y` (must be inside).
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills a rectangle (clipped to the grid) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle = .plain, with text: String = " ") {
        let x0 = max(rect.x, 0), x1 = min(rect.maxX, width)
        let y0 = max(rect.y, 0), y1 = min(rect.maxY, height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            repairWide(x: x0, y: y)
            repairWide(x: x1 - 1, y: y)
            for x in x0..<x1 { cells[y * width + x] = Cell(text, style: style) }
        }
    }

    /// Writes `text` from column `x` of row `y`, at most `limit` columns (default: to the grid's
    /// edge). A wide character that would not fit whole becomes a space. Returns columns used.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, style: CellStyle = .plain,
        limit: Int? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max($0, 0) } ?? width)
        var col = x
        for ch in text {
            if col >= end { break }
            var w = CharacterWidth.of(ch)
            var s = String(ch)
            if w == 0 {
                // controls would move the terminal's cursor; show them as a visible placeholder
                guard ch.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) ?? false else { continue }
                s = "?"; w = 1
            }
            if col < 0 { col += w; continue }
            if w == 2 && col + 1 >= end {
                set(x: col, y: y, Cell(" ", style: style))
                col += 1
                break
            }
            set(x: col, y: y, Cell(s, style: style))
            if w == 2 { set(x: col + 1, y: y, Cell("", style: style, isContinuation: true)) }
            col += w
        }
        return max(0, col - x)
    }

    /// Writes `text` padded or cut to exactly `width` columns, aligned left or right.
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, width w: Int, align: Alignment = .left,
        style: CellStyle = .plain
    ) {
        let fitted = TextLayout.fit(String(text), width: w, align: align)
        write(fitted, x: x, y: y, style: style, limit: w)
    }

    /// Restyles the cells of a rectangle, keeping their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout CellStyle) -> Void) {
        let x0 = max(rect.x, 0), x1 = min(rect.maxX, width)
        let y0 = max(rect.y, 0), y1 = min(rect.maxY, height)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { change(&cells[y * width + x].style) }
        }
    }

    /// Places one cell, first breaking any wide character it would cut in half.
    mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        repairWide(x: x, y: y)
        cells[y * width + x] = cell
    }

    /// Turns a wide character overlapping column `x` into spaces so no half of it is left dangling.
    mutating func repairWide(x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
            cells[i] = Cell(" ", style: cells[i].style)
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
    }

    /// The text of each row, wide characters once (their continuation cells contribute nothing).
    public var lines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { s += c.text.isEmpty ? " " : c.text }
            }
            return s
        }
    }

    /// The rows joined with newlines, trailing spaces trimmed: what a snapshot compares.
    public var text: String {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }.joined(separator: "\n")
    }
}
