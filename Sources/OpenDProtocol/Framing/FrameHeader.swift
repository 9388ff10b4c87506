/// The 44-byte little-endian OpenD packet header.
///
/// Layout: "FT" (2) · protoID u32 · format u8 · version u8 · serial u32 · bodyLength u32 ·
/// SHA-1 of the plaintext body (20) · reserved (8, zero).
public struct FrameHeader: Equatable, Sendable {
    /// Size of an encoded header in bytes.
    public static let size = 44

    public var protoID: UInt32
    public var format: ProtoFormat
    public var version: UInt8
    public var serial: UInt32
    /// Length of the body as transmitted (ciphertext length when encrypted).
    public var bodyLength: UInt32
    /// SHA-1 of the plaintext body.
    public var bodySHA1: SHA1Digest

    public init(protoID: UInt32, format: ProtoFormat = .protobuf, version: UInt8 = 0, serial: UInt32,
                bodyLength: UInt32, bodySHA1: SHA1Digest) {
        self.protoID = protoID
        self.format = format
        self.version = version
        self.serial = serial
        self.bodyLength = bodyLength
        self.bodySHA1 = bodySHA1
    }

    /// Appends the 44 encoded bytes to `out`.
    public func encode(into out: inout [UInt8]) {
        out.reserveCapacity(out.count + Self.size)
        out.append(0x46)
        out.append(0x54)
        Self.appendLE(protoID, to: &out)
        out.append(format.rawValue)
        out.append(version)
        Self.appendLE(serial, to: &out)
        Self.appendLE(bodyLength, to: &out)
        out.append(contentsOf: bodySHA1.bytes)
        out.append(contentsOf: repeatElement(0, count: 8))
    }

    /// Parses a header from the first 44 bytes; throws ``FrameError`` when fewer are given or the magic is wrong.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> FrameHeader {
        guard bytes.count >= size else { throw FrameError.truncatedHeader(length: bytes.count) }
        guard bytes[0] == 0x46, bytes[1] == 0x54 else { throw FrameError.badMagic(bytes[0], bytes[1]) }
        let protoID = bytes.loadUnaligned(fromByteOffset: 2, as: UInt32.self).littleEndian
        let format = ProtoFormat(rawValue: bytes[6]) ?? .protobuf
        let version = bytes[7]
        let serial = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        let bodyLength = bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian
        let sha = SHA1Digest(UnsafeRawBufferPointer(rebasing: bytes[16..<36]))
        return FrameHeader(protoID: protoID, format: format, version: version, serial: serial,
                           bodyLength: bodyLength, bodySHA1: sha)
    }

    private static func appendLE(_ v: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 24))
    }
}

/// Body encoding named by the header's format byte.
public enum ProtoFormat: UInt8, Sendable {
    case protobuf = 0
    case json = 1
}
