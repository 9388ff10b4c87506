/// A bounds-checked cursor over protobuf wire bytes, for the readers that walk push bodies
/// directly (``OrderBookWireReader``, ``PushRoute``). Every read returns nil instead of trapping
/// on truncated or malformed input.
struct ProtobufWireCursor {
    let base: UnsafeRawBufferPointer
    var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var atEnd: Bool { offset >= base.count }

    @inline(__always)
    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < base.count, shift < 64 {
            let byte = base[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// The next (field number, wire type); nil for field 0, and for a key of UInt32.max or more,
    /// which the generated decoder (swift-protobuf) rejects as malformed.
    @inline(__always)
    mutating func tag() -> (Int, UInt8)? {
        guard let key = varint(), key >> 3 > 0, key < UInt64(UInt32.max) else { return nil }
        return (Int(key >> 3), UInt8(key & 7))
    }

    @inline(__always)
    mutating func fixed64() -> UInt64? {
        guard base.count - offset >= 8 else { return nil }
        let v = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: v)
    }

    @inline(__always)
    mutating func lengthDelimited() -> UnsafeRawBufferPointer? {
        guard let n = varint(), n <= UInt64(base.count - offset) else { return nil }
        let start = offset
        offset += Int(n)
        return UnsafeRawBufferPointer(rebasing: base[start..<offset])
    }

    /// A UTF-8 string field; nil for invalid UTF-8 (the generated decoder rejects it too).
    @inline(__always)
    mutating func string() -> String? {
        guard let bytes = lengthDelimited() else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A `Qot_Common.Security{market = 1, code = 2}` body: both must be present; the code's
    /// bytes are returned unvalidated (routing compares them, the book reader validates them).
    static func security(_ bytes: UnsafeRawBufferPointer) -> (market: Int32, code: UnsafeRawBufferPointer)? {
        var r = ProtobufWireCursor(bytes)
        var market: Int32?
        var code: UnsafeRawBufferPointer?
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            switch (field, wire) {
            case (1, 0):
                guard let v = r.varint() else { return nil }
                market = Int32(truncatingIfNeeded: v)
            case (2, 2):
                guard let text = r.lengthDelimited() else { return nil }
                code = text
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        guard let market, let code else { return nil }
        return (market, code)
    }

    /// Skips a field of wire type `wire`; false for groups and unknown wire types.
    @inline(__always)
    mutating func skip(_ wire: UInt8) -> Bool {
        switch wire {
        case 0: return varint() != nil
        case 1: return fixed64() != nil
        case 2: return lengthDelimited() != nil
        case 5:
            guard base.count - offset >= 4 else { return false }
            offset += 4
            return true
        default: return false
        }
    }
}
