import NIOCore

/// Encodes frames to bytes and decodes them from a buffer, independent of any channel.
/// ``FrameDecoder`` and ``FrameEncoder`` are its NIO faces.
public enum FrameCodec {
    /// Default upper bound on `nBodyLen`: 16 MiB. OpenD's largest documented replies are far smaller.
    public static let defaultMaxBodyLength: UInt32 = 16 << 20

    /// Appends `frame` to `out`: header with SHA-1 of the plaintext, then the (possibly encrypted) body.
    public static func encode(_ frame: Frame, cipher: (any BodyCipher)?, into out: inout ByteBuffer) throws {
        let digest = frame.body.withUnsafeReadableBytes { SHA1Digest.hash($0) }
        if let cipher {
            let sealed = try cipher.seal(Array(frame.body.readableBytesView))
            writeHeader(frame, length: UInt32(sealed.count), digest: digest, into: &out)
            out.writeBytes(sealed)
        } else {
            writeHeader(frame, length: UInt32(frame.body.readableBytes), digest: digest, into: &out)
            var body = frame.body
            out.writeBuffer(&body)
        }
    }

    /// Encodes `frame` to a fresh byte array.
    public static func encode(_ frame: Frame, cipher: (any BodyCipher)? = nil) throws -> [UInt8] {
        var buffer = ByteBuffer()
        try encode(frame, cipher: cipher, into: &buffer)
        return Array(buffer.readableBytesView)
    }

    private static func writeHeader(_ frame: Frame, length: UInt32, digest: SHA1Digest, into out: inout ByteBuffer) {
        out.reserveCapacity(minimumWritableBytes: FrameHeader.size + Int(length))
        out.writeInteger(UInt16(0x5446), endianness: .little)  // "FT"
        out.writeInteger(frame.protoID, endianness: .little)
        out.writeInteger(frame.format.rawValue)
        out.writeInteger(UInt8(0))
        out.writeInteger(frame.serial, endianness: .little)
        out.writeInteger(length, endianness: .little)
        withUnsafeBytes(of: digest) { raw in _ = out.writeBytes(UnsafeRawBufferPointer(rebasing: raw[0..<20])) }
        out.writeInteger(UInt64(0))
    }

    /// Takes one whole frame off the front of `buffer`, or returns nil (buffer untouched) when
    /// more bytes are needed. Throws ``FrameError`` on bad magic, oversize, decrypt or SHA-1 failure.
    public static func decode(
        from buffer: inout ByteBuffer, cipherState: FrameCipherState?,
        maxBodyLength: UInt32 = defaultMaxBodyLength
    ) throws -> Frame? {
        guard buffer.readableBytes >= FrameHeader.size else { return nil }
        let header = try buffer.withUnsafeReadableBytes { raw in
            try FrameHeader.decode(UnsafeRawBufferPointer(rebasing: raw[0..<FrameHeader.size]))
        }
        guard header.bodyLength <= maxBodyLength else {
            throw FrameError.bodyTooLarge(length: header.bodyLength, limit: maxBodyLength)
        }
        let total = FrameHeader.size + Int(header.bodyLength)
        guard buffer.readableBytes >= total else { return nil }
        buffer.moveReaderIndex(forwardBy: FrameHeader.size)
        var body = buffer.readSlice(length: Int(header.bodyLength))!
        if let cipher = cipherState?.cipher(for: header.protoID) {
            let plain: [UInt8]
            do {
                plain = try cipher.open(Array(body.readableBytesView))
            } catch {
                throw FrameError.decryptionFailed(protoID: header.protoID, serial: header.serial, reason: "\(error)")
            }
            body = ByteBuffer(bytes: plain)
        }
        let digest = body.withUnsafeReadableBytes { SHA1Digest.hash($0) }
        guard digest == header.bodySHA1 else {
            throw FrameError.checksumMismatch(protoID: header.protoID, serial: header.serial)
        }
        return Frame(protoID: header.protoID, format: header.format, serial: header.serial, body: body)
    }
}

/// NIO decoder: a TCP byte stream in, whole plaintext ``Frame``s out, whatever the splits.
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Frame

    public let cipherState: FrameCipherState?
    public let maxBodyLength: UInt32

    public init(cipherState: FrameCipherState? = nil, maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength) {
        self.cipherState = cipherState
        self.maxBodyLength = maxBodyLength
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try FrameCodec.decode(from: &buffer, cipherState: cipherState, maxBodyLength: maxBodyLength)
        else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        try decode(context: context, buffer: &buffer)
    }
}

/// NIO encoder: ``Frame``s out as header + (encrypted) body bytes.
public struct FrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = Frame

    public let cipherState: FrameCipherState?

    public init(cipherState: FrameCipherState? = nil) {
        self.cipherState = cipherState
    }

    public func encode(data: Frame, out: inout ByteBuffer) throws {
        try FrameCodec.encode(data, cipher: cipherState?.cipher(for: data.protoID), into: &out)
    }
}
