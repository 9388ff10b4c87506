import NIOCore
import NIOEmbedded
import XCTest
@testable import OpenDProtocol

final class FrameCodecTests: XCTestCase {
    // MARK: channel plumbing

    private func makeChannel(cipherState: FrameCipherState? = nil, maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength)
        throws -> EmbeddedChannel
    {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(FrameDecoder(cipherState: cipherState, maxBodyLength: maxBodyLength)))
        try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(FrameEncoder(cipherState: cipherState)))
        return channel
    }

    private func encode(_ frames: [Frame], cipherState: FrameCipherState? = nil) throws -> [UInt8] {
        let channel = try makeChannel(cipherState: cipherState)
        defer { _ = try? channel.finish() }
        var bytes: [UInt8] = []
        for frame in frames {
            try channel.writeOutbound(frame)
            while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        }
        return bytes
    }

    /// Feeds `pieces` in order and collects every decoded frame.
    private func decode(_ pieces: [ArraySlice<UInt8>], cipherState: FrameCipherState? = nil,
                        maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength) throws -> [FrameSnapshot]
    {
        let channel = try makeChannel(cipherState: cipherState, maxBodyLength: maxBodyLength)
        defer { _ = try? channel.finish() }
        var frames: [FrameSnapshot] = []
        for piece in pieces {
            try channel.writeInbound(ByteBuffer(bytes: piece))
            while let frame = try channel.readInbound(as: Frame.self) {
                frames.append(FrameSnapshot(frame))
            }
        }
        return frames
    }

    private func decode(_ bytes: [UInt8], cipherState: FrameCipherState? = nil,
                        maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength) throws -> [FrameSnapshot]
    {
        try decode([bytes[...]], cipherState: cipherState, maxBodyLength: maxBodyLength)
    }

    // MARK: A.9 / C.6 vectors, byte for byte

    func testEncodesTheSDKInitConnectRequest() throws {
        let bytes = try encode([ReferenceFrames.initConnectRequestFrame()])
        XCTAssertEqual(Hex.string(bytes), ReferenceFrames.initConnectRequestHex)
    }

    func testEncodesTheSDKKeepAliveRequest() throws {
        let bytes = try encode([ReferenceFrames.keepAliveRequestFrame()])
        XCTAssertEqual(Hex.string(bytes), ReferenceFrames.keepAliveRequestHex)
    }

    func testEncodesTheInitConnectResponseTheSDKAccepts() throws {
        let bytes = try encode([ReferenceFrames.initConnectResponseFrame()])
        XCTAssertEqual(Hex.string(bytes), ReferenceFrames.initConnectResponseHex)
    }

    func testEncodesTheFTAESEncryptedKeepAlive() throws {
        let state = FrameCipherState(aes: try FTAESECBCipher(key: ReferenceFrames.aesKey))
        let bytes = try encode([ReferenceFrames.keepAliveRequestFrame()], cipherState: state)
        XCTAssertEqual(Hex.string(bytes), ReferenceFrames.encryptedKeepAliveHex)
    }

    func testDecodesTheA9Vectors() throws {
        let request = try decode(Hex.bytes(ReferenceFrames.initConnectRequestHex))
        XCTAssertEqual(request, [FrameSnapshot(try ReferenceFrames.initConnectRequestFrame())])

        let channel = try makeChannel()
        defer { _ = try? channel.finish() }
        try channel.writeInbound(ByteBuffer(bytes: Hex.bytes(ReferenceFrames.initConnectResponseHex)))
        let frame = try XCTUnwrap(try channel.readInbound(as: Frame.self))
        XCTAssertEqual(frame.knownProtoID, .initConnect)
        XCTAssertEqual(frame.serial, 1)
        let response = try frame.decode(InitConnect_Response.self)
        XCTAssertEqual(response.retType, 0)
        XCTAssertEqual(response.s2C.serverVer, 1011)
        XCTAssertEqual(response.s2C.loginUserID, 12_345_678)
        XCTAssertEqual(response.s2C.connID, 7_000_000_000_000_000_001)
        XCTAssertEqual(response.s2C.connAeskey, "0123456789ABCDEF")
        XCTAssertEqual(response.s2C.keepAliveInterval, 10)
        XCTAssertFalse(response.s2C.hasAesCbciv)

        let keepAlive = try decode(Hex.bytes(ReferenceFrames.keepAliveRequestHex))
        XCTAssertEqual(keepAlive.count, 1)
        let body = try KeepAlive_Request(serializedBytes: keepAlive[0].body)
        XCTAssertEqual(body.c2S.time, 1_700_000_000)
    }

    func testDecodesTheEncryptedKeepAliveToItsPlaintext() throws {
        let state = FrameCipherState(aes: try FTAESECBCipher(key: ReferenceFrames.aesKey))
        let frames = try decode(Hex.bytes(ReferenceFrames.encryptedKeepAliveHex), cipherState: state)
        XCTAssertEqual(frames, [FrameSnapshot(try ReferenceFrames.keepAliveRequestFrame())])
    }

    // MARK: stream splitting

    private func referenceStream() throws -> (bytes: [UInt8], frames: [FrameSnapshot]) {
        let empty = Frame(protoID: ProtoID.keepAlive.rawValue, serial: 9, body: ByteBuffer())
        let frames = [
            try ReferenceFrames.initConnectRequestFrame(), try ReferenceFrames.keepAliveRequestFrame(), empty,
            try ReferenceFrames.initConnectResponseFrame(),
        ]
        return (try encode(frames), frames.map(FrameSnapshot.init))
    }

    func testEverySplitPointGivesTheSameFrames() throws {
        let (bytes, expected) = try referenceStream()
        for split in 0...bytes.count {
            let frames = try decode([bytes[..<split], bytes[split...]])
            XCTAssertEqual(frames, expected, "split at \(split)")
        }
    }

    func testOneByteAtATimeGivesTheSameFrames() throws {
        let (bytes, expected) = try referenceStream()
        XCTAssertEqual(try decode(bytes.indices.map { bytes[$0...$0] }), expected)
    }

    func testRandomMultiSplitsGiveTheSameFrames() throws {
        let (bytes, expected) = try referenceStream()
        var generator = SeededGenerator(seed: 42)
        for round in 0..<200 {
            var cuts = (0..<Int.random(in: 1...8, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
            cuts = [0] + cuts.sorted() + [bytes.count]
            let pieces = zip(cuts, cuts.dropFirst()).map { bytes[$0..<$1] }
            XCTAssertEqual(try decode(pieces), expected, "round \(round) cuts \(cuts)")
        }
    }

    func testEmptyBodyFrameIsDeliveredWithoutWaitingForMoreBytes() throws {
        let empty = Frame(protoID: ProtoID.keepAlive.rawValue, serial: 3, body: ByteBuffer())
        let bytes = try encode([empty])
        XCTAssertEqual(bytes.count, FrameHeader.size)
        XCTAssertEqual(try decode(bytes), [FrameSnapshot(empty)])
    }

    // MARK: typed errors

    private func assertDecodeThrows(_ bytes: [UInt8], cipherState: FrameCipherState? = nil, maxBodyLength: UInt32 = FrameCodec.defaultMaxBodyLength,
                                    file: StaticString = #filePath, line: UInt = #line, _ check: (FrameError) -> Void)
    {
        XCTAssertThrowsError(try decode(bytes, cipherState: cipherState, maxBodyLength: maxBodyLength), file: file, line: line) { error in
            guard let frameError = error as? FrameError else {
                return XCTFail("expected a FrameError, got \(error)", file: file, line: line)
            }
            check(frameError)
        }
    }

    func testBadMagicIsRejected() throws {
        var bytes = Hex.bytes(ReferenceFrames.keepAliveRequestHex)
        bytes[0] = 0x47
        assertDecodeThrows(bytes) { XCTAssertEqual($0, .badMagic(0x47, 0x54)) }
    }

    func testSHA1MismatchIsRejected() throws {
        var bytes = Hex.bytes(ReferenceFrames.keepAliveRequestHex)
        bytes[bytes.count - 1] ^= 0x01
        assertDecodeThrows(bytes) { XCTAssertEqual($0, .checksumMismatch(protoID: 1004, serial: 2)) }
    }

    func testOversizeBodyIsRejectedFromTheHeaderAlone() throws {
        let header = Array(Hex.bytes(ReferenceFrames.initConnectRequestHex).prefix(FrameHeader.size))
        assertDecodeThrows(header, maxBodyLength: 39) { XCTAssertEqual($0, .bodyTooLarge(length: 40, limit: 39)) }
        // At the bound exactly the frame is fine.
        XCTAssertEqual(try decode(Hex.bytes(ReferenceFrames.initConnectRequestHex), maxBodyLength: 40).count, 1)
    }

    func testUndecryptableBodyIsRejected() throws {
        // A plaintext KeepAlive arriving on an AES connection: 8 bytes are not whole blocks.
        let ecb = FrameCipherState(aes: try FTAESECBCipher(key: ReferenceFrames.aesKey))
        assertDecodeThrows(Hex.bytes(ReferenceFrames.keepAliveRequestHex), cipherState: ecb) { error in
            guard case let .decryptionFailed(protoID, serial, reason) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(protoID, 1004)
            XCTAssertEqual(serial, 2)
            XCTAssertTrue(reason.contains("8"), reason)
        }
        // The right length under the wrong CBC key fails the padding check.
        let sender = FrameCipherState(aes: try AESCBCCipher(key: "0123456789abcdef", iv: "fedcba9876543210"))
        let bytes = try encode([ReferenceFrames.keepAliveRequestFrame()], cipherState: sender)
        let receiver = FrameCipherState(aes: try AESCBCCipher(key: "0123456789abcdeX", iv: "fedcba9876543210"))
        assertDecodeThrows(bytes, cipherState: receiver) { error in
            switch error {
            // A wrong key that still yields a valid pad by chance is caught by SHA-1 instead.
            case .decryptionFailed(1004, 2, _), .checksumMismatch(1004, 2): break
            default: XCTFail("got \(error)")
            }
        }
    }

    func testUndecryptableRSABlockIsRejected() throws {
        let state = FrameCipherState(rsa: try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM()))
        let plain = try encode([ReferenceFrames.initConnectRequestFrame()])
        assertDecodeThrows(plain, cipherState: state) { error in
            guard case .decryptionFailed(1001, 1, _) = error else { return XCTFail("got \(error)") }
        }
    }

    // MARK: encrypted round trips

    func testInitConnectGoesThroughRSAAndEverythingElseThroughAES() throws {
        let rsa = try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM())
        for aes in [try FTAESECBCipher(key: "0123456789abcdef") as any BodyCipher,
                    try AESCBCCipher(key: "0123456789abcdef", iv: "fedcba9876543210")] {
            let state = FrameCipherState(rsa: rsa, aes: aes)
            let frames = [
                try ReferenceFrames.initConnectRequestFrame(), try ReferenceFrames.keepAliveRequestFrame(),
                try ReferenceFrames.initConnectResponseFrame(),
                Frame(protoID: ProtoID.qotSub.rawValue, serial: 77, body: ByteBuffer()),
            ]
            let bytes = try encode(frames, cipherState: state)

            // Body lengths on the wire: RSA block for 1001, AES sizes for the rest.
            var offset = 0
            var lengths: [UInt32] = []
            while offset < bytes.count {
                let length = bytes[(offset + 12)..<(offset + 16)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                lengths.append(length)
                offset += FrameHeader.size + Int(length)
            }
            let keepAliveLength: UInt32 = aes is FTAESECBCipher ? 32 : 16
            XCTAssertEqual(lengths, [128, keepAliveLength, 128, 16], "\(type(of: aes))")

            XCTAssertEqual(try decode(bytes, cipherState: state), frames.map(FrameSnapshot.init), "\(type(of: aes))")
            XCTAssertThrowsError(try decode(bytes), "plaintext decoder must not accept encrypted frames")
        }
    }

    /// Sets the connection's AES cipher the moment the InitConnect response is read, as a client must.
    private final class HandshakeWatcher: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = Frame
        let state: FrameCipherState
        var seen: [FrameSnapshot] = []

        init(state: FrameCipherState) { self.state = state }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            seen.append(FrameSnapshot(frame))
            if frame.protoID == ProtoID.initConnect.rawValue, let response = try? frame.decode(InitConnect_Response.self) {
                state.aes = try? FTAESECBCipher(key: response.s2C.connAeskey)
            }
        }
    }

    func testCipherNegotiatedByInitConnectAppliesToTheNextFrameInTheSameRead() throws {
        // Server side: RSA for the handshake reply, then AES under the key that reply announces.
        let rsa = try RSACipher(privateKeyPEM: try TestKeys.pkcs1PEM())
        let response = try ReferenceFrames.initConnectResponseFrame()
        let keepAlive = try ReferenceFrames.keepAliveRequestFrame()
        let key = ReferenceFrames.initConnectResponse.s2C.connAeskey
        var bytes = try FrameCodec.encode(response, cipher: rsa)
        bytes += try FrameCodec.encode(keepAlive, cipher: try FTAESECBCipher(key: key))

        let state = FrameCipherState(rsa: rsa)
        let watcher = HandshakeWatcher(state: state)
        let channel = EmbeddedChannel()
        defer { _ = try? channel.finish() }
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(cipherState: state)))
        try channel.pipeline.syncOperations.addHandler(watcher)
        try channel.writeInbound(ByteBuffer(bytes: bytes))  // both frames in one read
        XCTAssertEqual(watcher.seen, [FrameSnapshot(response), FrameSnapshot(keepAlive)])
    }

    func testInitConnectStaysPlainWithoutAnRSAKey() throws {
        let state = FrameCipherState(aes: try FTAESECBCipher(key: ReferenceFrames.aesKey))
        let bytes = try encode([ReferenceFrames.initConnectRequestFrame()], cipherState: state)
        XCTAssertEqual(Hex.string(bytes), ReferenceFrames.initConnectRequestHex)
    }
}
