/// Why a byte stream or a frame body was rejected.
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first two bytes of a header were not "FT".
    case badMagic(UInt8, UInt8)
    /// Fewer than 44 bytes were handed to ``FrameHeader/decode(_:)``.
    case truncatedHeader(length: Int)
    /// `nBodyLen` is larger than the configured bound: the stream is desynchronised or hostile.
    case bodyTooLarge(length: UInt32, limit: UInt32)
    /// SHA-1 of the (decrypted) body does not match the header.
    case checksumMismatch(protoID: UInt32, serial: UInt32)
    /// The body could not be decrypted (bad padding, wrong key, truncated block).
    case decryptionFailed(protoID: UInt32, serial: UInt32, reason: String)
    /// The body is not a valid protobuf message of the expected type.
    case malformedBody(protoID: UInt32, serial: UInt32, reason: String)

    public var description: String {
        switch self {
        case let .badMagic(a, b):
            return "bad frame magic 0x\(String(a, radix: 16))\(String(b, radix: 16)) (expected \"FT\")"
        case let .truncatedHeader(length):
            return "frame header needs \(FrameHeader.size) bytes, got \(length)"
        case let .bodyTooLarge(length, limit):
            return "frame body of \(length) bytes exceeds the \(limit)-byte limit"
        case let .checksumMismatch(protoID, serial):
            return "SHA-1 mismatch on proto \(protoID) serial \(serial)"
        case let .decryptionFailed(protoID, serial, reason):
            return "cannot decrypt proto \(protoID) serial \(serial): \(reason)"
        case let .malformedBody(protoID, serial, reason):
            return "malformed body for proto \(protoID) serial \(serial): \(reason)"
        }
    }
}
