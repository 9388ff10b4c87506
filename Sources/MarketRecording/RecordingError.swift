/// Why a recording cannot be read (or where it stops being readable), with the byte offset.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
    case notARecording(String)
    case unsupportedVersion(UInt16)
    case truncatedHeader(offset: Int, String)
    /// The file ends inside the record starting at `offset`.
    case truncated(offset: Int, String)
    /// The record at `offset` is damaged.
    case corrupt(offset: Int, String)
    case io(String)

    public var description: String {
        switch self {
        case .notARecording(let why): "not a mootui recording: \(why)"
        case .unsupportedVersion(let v):
            "recording format version \(v) is not supported (this mootui reads version \(RecordingFormat.version))"
        case .truncatedHeader(let offset, let why): "truncated recording at byte offset \(offset): \(why)"
        case .truncated(let offset, let why): "truncated recording at byte offset \(offset): \(why)"
        case .corrupt(let offset, let why): "corrupt recording at byte offset \(offset): \(why)"
        case .io(let why): why
        }
    }

    /// The byte offset the error names, if any.
    public var offset: Int? {
        switch self {
        case .truncatedHeader(let o, _), .truncated(let o, _), .corrupt(let o, _): o
        default: nil
        }
    }
}
