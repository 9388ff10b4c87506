/// The framing every protocol fuzz target shares, so one corpus generator serves them all:
/// bytes 0–1 a little-endian proto id (folded onto the target's list when unknown), byte 2 a
/// flags byte (bit 0: JSON body instead of protobuf), then the body.
public struct FuzzMessageInput {
    public let protoID: UInt32
    public let json: Bool
    public let body: UnsafeRawBufferPointer

    /// Splits `data`; nil when shorter than the 3-byte prefix.
    public init?(_ data: UnsafeRawBufferPointer, choosingFrom ids: [UInt32]) {
        guard data.count >= 3, !ids.isEmpty else { return nil }
        let raw = UInt32(data[0]) | UInt32(data[1]) << 8
        protoID = ids.contains(raw) ? raw : ids[Int(raw) % ids.count]
        json = data[2] & 1 == 1
        body = UnsafeRawBufferPointer(rebasing: data[3...])
    }
}

/// Stops the process when an invariant the target checks does not hold; libFuzzer reports the
/// abort as a crash and saves the input.
public func fuzzRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("fuzz invariant failed: \(message())") }
}

/// A config-file error may name a line; it must be one of the text's lines.
public func fuzzCheckLine(_ line: Int?, of text: String, _ description: String) {
    guard let line else { return }
    // Counted in bytes: a Character "\r\n" is not "\n", but it ends a line for the parser.
    let lines = text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
    fuzzRequire(line >= 1 && line <= lines, "line \(line) of a \(lines)-line text: \(description)")
}
