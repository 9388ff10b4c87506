import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol

/// A tiny OpenD for tests on 127.0.0.1: answers the basics like a gateway would, records every
/// frame it receives, and lets a test override any answer, push, drop the link or send garbage.
final class ScriptedOpenD: Sendable {
    /// How to answer one received frame.
    enum Reply: Sendable {
        /// The built-in answer (see ``standardReply(to:session:)``).
        case standard
        case respond(Frame)
        /// Say nothing (to provoke timeouts).
        case silence
        /// Close this session's socket.
        case close
    }

    /// Settings of the fake gateway.
    struct Options: Sendable {
        var keepAliveInterval: Int32 = 10
        var rsaPrivateKeyPEM: String?
        /// With encryption: answer `packetEncAlgo` 2 with an `aesCBCiv` (CBC), or leave it out (FTAES-ECB).
        var offerCBC = true
        var quotaTotal = 100
    }

    /// A test's override, consulted for every frame; return `.standard` for the default.
    typealias Script = @Sendable (_ frame: Frame, _ session: Int) -> Reply

    struct Received: Sendable {
        var session: Int
        var frame: Frame
    }

    private struct State {
        var sessions: [Int: any Channel] = [:]
        var received: [Received] = []
        var nextSession = 0
        var subscribed: Set<String> = []
    }

    let options: Options
    private let script: NIOLockedValueBox<Script>
    private let state = NIOLockedValueBox(State())
    private let channel: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)

    init(options: Options = Options(), script: @escaping Script = { _, _ in .standard }) {
        self.options = options
        self.script = NIOLockedValueBox(script)
    }

    /// Replaces the script.
    func setScript(_ script: @escaping Script) {
        self.script.withLockedValue { $0 = script }
    }

    /// Binds a free port on 127.0.0.1 and returns it.
    func start() async throws -> Int {
        let rsa = try options.rsaPrivateKeyPEM.map { try RSACipher(privateKeyPEM: $0) }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let cipherState = FrameCipherState(rsa: rsa)
                    let session = self.register(channel)
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(cipherState: cipherState)),
                        MessageToByteHandler(FrameEncoder(cipherState: cipherState)),
                        SessionHandler(server: self, session: session, cipherState: cipherState),
                    ])
                }
            }
        let server = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel.withLockedValue { $0 = server }
        return server.localAddress!.port!
    }

    /// Closes the listener and every session.
    func stop() async {
        let server = channel.withLockedValue { $0 }
        try? await server?.close()
        dropAll()
    }

    /// Everything received so far, in order.
    var received: [Received] { state.withLockedValue { $0.received } }

    /// Frames of one protocol received so far.
    func frames(_ proto: ProtoID) -> [Received] { received.filter { $0.frame.protoID == proto.rawValue } }

    /// Number of sessions ever accepted.
    var sessionCount: Int { state.withLockedValue { $0.nextSession } }

    /// Closes every open session, as a crashing or restarting gateway would.
    func dropAll() {
        let sessions = state.withLockedValue { state -> [any Channel] in
            defer { state.sessions.removeAll() }
            return Array(state.sessions.values)
        }
        for session in sessions { session.close(promise: nil) }
    }

    /// Writes bytes that are not an OpenD frame to `session`, bypassing the frame encoder.
    func sendGarbage(session: Int) {
        guard let channel = state.withLockedValue({ $0.sessions[session] }) else { return }
        channel.eventLoop.execute {
            guard
                let context = try? channel.pipeline.syncOperations.context(
                    handlerType: ByteToMessageHandler<FrameDecoder>.self)
            else { return }
            let garbage = ByteBuffer(bytes: Array(repeating: UInt8(ascii: "x"), count: 64))
            context.writeAndFlush(NIOAny(garbage), promise: nil)
        }
    }

    /// Sends a push frame to `session`.
    func push(_ frame: Frame, session: Int) {
        guard let channel = state.withLockedValue({ $0.sessions[session] }) else { return }
        channel.writeAndFlush(frame, promise: nil)
    }

    /// Sends `frames` to `session` in one write (one flush), as a busy feed arrives.
    func pushBurst(_ frames: [Frame], session: Int) {
        guard let channel = state.withLockedValue({ $0.sessions[session] }) else { return }
        channel.eventLoop.execute {
            for frame in frames { channel.write(frame, promise: nil) }
            channel.flush()
        }
    }

    // MARK: - Session plumbing

    private func register(_ channel: any Channel) -> Int {
        state.withLockedValue { state in
            state.nextSession += 1
            state.sessions[state.nextSession] = channel
            return state.nextSession
        }
    }

    fileprivate func handle(_ frame: Frame, session: Int, cipherState: FrameCipherState, context: ChannelHandlerContext)
    {
        state.withLockedValue { $0.received.append(Received(session: session, frame: frame)) }
        var reply = script.withLockedValue { $0 }(frame, session)
        if case .standard = reply {
            reply = (try? standardReply(to: frame, session: session)).map { .respond($0) } ?? .silence
        }
        switch reply {
        case .respond(let answer):
            context.writeAndFlush(NIOAny(answer), promise: nil)
            // The session key applies from the frame after the InitConnect answer.
            if answer.protoID == ProtoID.initConnect.rawValue, cipherState.rsa != nil,
                let response = try? answer.decode(InitConnect_Response.self), response.retType == 0
            {
                let s2c = response.s2C
                cipherState.aes =
                    s2c.hasAesCbciv
                    ? try? AESCBCCipher(key: s2c.connAeskey, iv: s2c.aesCbciv)
                    : try? FTAESECBCipher(key: s2c.connAeskey)
            }
        case .silence, .standard:
            break
        case .close:
            context.close(promise: nil)
        }
    }

    fileprivate func sessionClosed(_ session: Int) {
        _ = state.withLockedValue { $0.sessions.removeValue(forKey: session) }
    }

    /// The answer a healthy gateway gives to `frame`.
    func standardReply(to frame: Frame, session: Int) throws -> Frame {
        switch ProtoID(rawValue: frame.protoID) {
        case .initConnect:
            let hello = try frame.decode(InitConnect_Request.self).c2S
            var s2c = InitConnect_S2C()
            s2c.serverVer = 1011
            s2c.loginUserID = 4242
            s2c.connID = 7_000_000_000_000_000_000 + UInt64(session)
            s2c.connAeskey = "0123456789abcdef"
            s2c.keepAliveInterval = options.keepAliveInterval
            if options.rsaPrivateKeyPEM != nil, options.offerCBC, hello.packetEncAlgo == 2 {
                s2c.aesCbciv = "fedcba9876543210"
            }
            return try answer(frame, InitConnect_Response.success(s2c))
        case .keepAlive:
            var s2c = KeepAlive_S2C()
            s2c.time = 1_700_000_000
            return try answer(frame, KeepAlive_Response.success(s2c))
        case .qotSub:
            let c2s = try frame.decode(QotSub_Request.self).c2S
            state.withLockedValue { state in
                for security in c2s.securityList {
                    for type in c2s.subTypeList {
                        let key = "\(security.market).\(security.code).\(type)"
                        if c2s.isSubOrUnSub { state.subscribed.insert(key) } else { state.subscribed.remove(key) }
                    }
                }
            }
            return try answer(frame, QotSub_Response.success(QotSub_S2C()))
        case .qotGetSubInfo:
            let used = state.withLockedValue { $0.subscribed.count }
            var s2c = QotGetSubInfo_S2C()
            s2c.totalUsedQuota = Int32(used)
            s2c.remainQuota = Int32(options.quotaTotal - used)
            return try answer(frame, QotGetSubInfo_Response.success(s2c))
        case .trdUnlockTrade:
            return try answer(frame, TrdUnlockTrade_Response.success(TrdUnlockTrade_S2C()))
        case .trdSubAccPush:
            return try answer(frame, TrdSubAccPush_Response.success(TrdSubAccPush_S2C()))
        case .trdPlaceOrder:
            let c2s = try frame.decode(TrdPlaceOrder_Request.self).c2S
            var s2c = TrdPlaceOrder_S2C()
            s2c.header = c2s.header
            s2c.orderID = UInt64(frame.serial)
            return try answer(frame, TrdPlaceOrder_Response.success(s2c))
        default:
            return try Self.reply(
                to: frame, with: QotGetBasicQot_Response.failure("unsupported by the scripted server"))
        }
    }

    private func answer(_ frame: Frame, _ response: some OpenDResponse) throws -> Frame {
        try Self.reply(to: frame, with: response)
    }

    /// A response frame to `frame` (same proto id and serial) carrying `response`.
    static func reply(to frame: Frame, with response: some OpenDResponse) throws -> Frame {
        let bytes: [UInt8] = try response.serializedBytes()
        return Frame(protoID: frame.protoID, serial: frame.serial, body: ByteBuffer(bytes: bytes))
    }
}

/// Server side of one scripted session.
private final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    let server: ScriptedOpenD
    let session: Int
    let cipherState: FrameCipherState

    init(server: ScriptedOpenD, session: Int, cipherState: FrameCipherState) {
        self.server = server
        self.session = session
        self.cipherState = cipherState
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        server.handle(unwrapInboundIn(data), session: session, cipherState: cipherState, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.sessionClosed(session)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
