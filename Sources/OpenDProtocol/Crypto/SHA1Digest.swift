import COpenSSL

/// A 20-byte SHA-1 digest held inline (no allocation), comparable in constant size.
public struct SHA1Digest: Equatable, Hashable, Sendable, CustomStringConvertible {
    private var a: UInt64 = 0
    private var b: UInt64 = 0
    private var c: UInt32 = 0

    /// The all-zero digest.
    public init() {}

    /// Takes the first 20 bytes of `raw`.
    public init(_ raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 20)
        a = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        c = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// Takes 20 bytes from an array.
    public init(bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { SHA1Digest($0) }
    }

    /// The digest as 20 bytes.
    public var bytes: [UInt8] {
        var copy = self
        return withUnsafeBytes(of: &copy) { raw in
            Array(raw[0..<20])
        }
    }

    public var description: String { bytes.map { String(format2: $0) }.joined() }

    /// SHA-1 of `data`, computed by OpenSSL without allocating (it runs once per frame).
    public static func hash(_ data: UnsafeRawBufferPointer) -> SHA1Digest {
        var out = SHA1Digest()
        withUnsafeMutableBytes(of: &out) { dst in
            let ok = mt_sha1(data.baseAddress, data.count, dst.baseAddress!.assumingMemoryBound(to: UInt8.self))
            precondition(ok == 1, "SHA-1 failed")
        }
        return out
    }

    /// SHA-1 of a byte array.
    public static func hash(_ data: [UInt8]) -> SHA1Digest {
        data.withUnsafeBytes { hash($0) }
    }
}

extension String {
    /// Two lower-case hex digits.
    init(format2 byte: UInt8) {
        self.init(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]], as: UTF8.self)
    }
}

/// ASCII of "0123456789abcdef".
private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
