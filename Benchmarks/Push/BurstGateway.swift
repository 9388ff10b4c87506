import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol

/// A minimal OpenD for push benchmarks: answers InitConnect, KeepAlive, Qot_Sub and Qot_RegQotPush
/// (and refuses everything else in one line), and on command bursts Qot_UpdateOrderBook pushes
/// of 10+10 levels to one session as fast as that client's TCP window allows. It never waits on
/// the client except through socket writability, so it sends faster than any client reads.
final class BurstGateway: @unchecked Sendable {
    /// One frame per distinct book, concatenated: each burst write sends the same bytes again.
    let chunk: ByteBuffer
    let framesPerChunk: Int
    /// The best ask of the last book of every chunk: the book a client must end up showing.
    let finalBestAsk: Double
    let group: MultiThreadedEventLoopGroup
    private let sessions = NIOLockedValueBox<[Int: Session]>([:])
    private let nextID = NIOLockedValueBox(0)
    /// Called (on an event loop) when session `id` subscribes an ORDER_BOOK for the burst code.
    var onSubscribed: @Sendable (Int) -> Void = { _ in }

    init(code: String = "00700", market: Int32 = 1, books: Int = 128, threads: Int = 1) throws {
        var bytes = ByteBuffer()
        var lastAsk = 0.0
        for i in 0..<books {
            var s2c = QotUpdateOrderBook_S2C()
            s2c.security.market = market
            s2c.security.code = code
            s2c.name = "TENCENT"
            let best = 320.0 + Double(i % 32) * 0.2
            lastAsk = best
            for level in 0..<10 {
                var ask = QotCommon_OrderBook()
                ask.price = ((best + Double(level) * 0.2) * 10).rounded() / 10
                ask.volume = Int64(1000 + 100 * ((i + level) % 17))
                ask.orederCount = Int32(1 + (i + level) % 9)
                s2c.orderBookAskList.append(ask)
                var bid = QotCommon_OrderBook()
                bid.price = ((best - 0.2 - Double(level) * 0.2) * 10).rounded() / 10
                bid.volume = Int64(1200 + 100 * ((i * 3 + level) % 13))
                bid.orederCount = Int32(1 + (i + 2 * level) % 7)
                s2c.orderBookBidList.append(bid)
            }
            s2c.svrRecvTimeBid = "2026-12-07 10:00:00.000"
            s2c.svrRecvTimeAsk = "2026-12-07 10:00:00.000"
            let frame = try Frame(
                protoID: .qotUpdateOrderBook, serial: UInt32(i + 1),
                message: QotUpdateOrderBook_Response.success(s2c))
            try FrameCodec.encode(frame, cipher: nil, into: &bytes)
        }
        chunk = bytes
        framesPerChunk = books
        finalBestAsk = lastAsk
        group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    }

    /// Bytes of one push frame, on average.
    var frameBytes: Int { chunk.readableBytes / framesPerChunk }

    /// Listens on `host:port` (0: any free port) and returns the port.
    func listen(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                let id = nextID.withLockedValue { $0 += 1; return $0 }
                let session = Session(id: id, gateway: self)
                sessions.withLockedValue { $0[id] = session }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder()), session,
                    ])
                }
            }
            .bind(host: host, port: port).get()
        return channel.localAddress?.port ?? port
    }

    /// Bursts to session `id` for `seconds`; returns (pushes sent, start, end) in monotonic
    /// seconds, the end being when the last of them reached the kernel.
    func burst(session id: Int, seconds: Double) async throws -> (pushes: Int, start: Double, end: Double) {
        guard let session = sessions.withLockedValue({ $0[id] }) else { throw BenchError("no session \(id)") }
        return try await session.burst(seconds: seconds)
    }

    /// Steady pushes to session `id`: `codes` codes × 4 sub-types, each `rate` times a second,
    /// for `seconds`; returns the pushes sent.
    func soak(session id: Int, seconds: Double, codes: Int, rate: Double) async throws -> Int {
        guard let session = sessions.withLockedValue({ $0[id] }) else { throw BenchError("no session \(id)") }
        return try await session.soak(seconds: seconds, codes: codes, rate: rate)
    }

    fileprivate func forget(_ id: Int) { _ = sessions.withLockedValue { $0.removeValue(forKey: id) } }
}

/// Server side of one client connection.
private final class Session: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer

    let id: Int
    unowned let gateway: BurstGateway
    // Event-loop confined.
    private var context: ChannelHandlerContext?
    private var deadline = 0.0
    private var chunksWritten = 0
    private var chunksDone = 0
    private var start = 0.0
    private var lastDone = 0.0
    private var bursting = false
    private var finish: CheckedContinuation<(pushes: Int, start: Double, end: Double), any Error>?

    init(id: Int, gateway: BurstGateway) {
        self.id = id
        self.gateway = gateway
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func channelInactive(context: ChannelHandlerContext) {
        gateway.forget(id)
        if let finish {
            self.finish = nil
            finish.resume(throwing: BenchError("session \(id) closed during the burst"))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        do {
            if let reply = try answer(frame) {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: try FrameCodec.encode(reply))), promise: nil)
            }
        } catch {
            context.close(promise: nil)
        }
    }

    private func answer(_ frame: Frame) throws -> Frame? {
        func reply(_ response: some OpenDResponse) throws -> Frame {
            let bytes: [UInt8] = try response.serializedBytes()
            return Frame(protoID: frame.protoID, serial: frame.serial, body: ByteBuffer(bytes: bytes))
        }
        switch ProtoID(rawValue: frame.protoID) {
        case .initConnect:
            var s2c = InitConnect_S2C()
            s2c.serverVer = 1011
            s2c.loginUserID = 4242
            s2c.connID = 8_000_000_000 + UInt64(id)
            s2c.connAeskey = "0123456789abcdef"
            s2c.keepAliveInterval = 10
            return try reply(InitConnect_Response.success(s2c))
        case .keepAlive:
            var s2c = KeepAlive_S2C()
            s2c.time = Int64(Date().timeIntervalSince1970)
            return try reply(KeepAlive_Response.success(s2c))
        case .getGlobalState:
            var s2c = GetGlobalState_S2C()
            s2c.marketHk = 3
            s2c.marketUs = 3
            s2c.marketSh = 3
            s2c.marketSz = 3
            s2c.marketHkfuture = 3
            s2c.qotLogined = true
            s2c.trdLogined = true
            s2c.serverVer = 1011
            s2c.serverBuildNo = 1
            s2c.time = Int64(Date().timeIntervalSince1970)
            return try reply(GetGlobalState_Response.success(s2c))
        case .qotSub:
            let c2s = try frame.decode(QotSub_Request.self).c2S
            if c2s.isSubOrUnSub, c2s.subTypeList.contains(2) {
                let id = self.id
                gateway.onSubscribed(id)
            }
            return try reply(QotSub_Response.success(QotSub_S2C()))
        case .qotRegQotPush:
            return try reply(QotRegQotPush_Response.success(QotRegQotPush_S2C()))
        default:
            return try reply(QotGetBasicQot_Response.failure("the burst gateway serves pushes only"))
        }
    }

    /// Starts writing chunks and completes when the burst's last byte has left for the client.
    func burst(seconds: Double) async throws -> (pushes: Int, start: Double, end: Double) {
        guard let loop = context?.eventLoop else { throw BenchError("session \(id) has no channel") }
        return try await withCheckedThrowingContinuation { continuation in
            loop.execute { [self] in
                guard let context else {
                    continuation.resume(throwing: BenchError("session \(id) closed"))
                    return
                }
                finish = continuation
                chunksWritten = 0
                chunksDone = 0
                start = monotonicNow()
                deadline = start + seconds
                bursting = true
                pump(context)
            }
        }
    }

    /// Sends a share of the soak feed every 10 ms until `seconds` have passed.
    func soak(seconds: Double, codes: Int, rate: Double) async throws -> Int {
        guard let loop = context?.eventLoop else { throw BenchError("session \(id) has no channel") }
        let perTick = max(1, Int((Double(codes * 4) * rate / 100).rounded()))
        return try await withCheckedThrowingContinuation { continuation in
            loop.execute { [self] in
                let soak = SoakRun(feed: SoakFeed(codes: codes), end: monotonicNow() + seconds)
                loop.scheduleRepeatedTask(initialDelay: .zero, delay: .milliseconds(10)) { [self] task in
                    guard let context, monotonicNow() < soak.end else {
                        task.cancel()
                        continuation.resume(returning: soak.sent)
                        return
                    }
                    soak.buffer.clear()
                    do {
                        try soak.feed.next(perTick, into: &soak.buffer)
                    } catch {
                        task.cancel()
                        continuation.resume(throwing: error)
                        return
                    }
                    soak.sent += perTick
                    context.writeAndFlush(wrapOutboundOut(soak.buffer), promise: nil)
                }
            }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if bursting { pump(context) }
        context.fireChannelWritabilityChanged()
    }

    /// Writes while the channel takes more (NIO's high-water mark), then waits for writability.
    private func pump(_ context: ChannelHandlerContext) {
        let channel = context.channel
        while bursting, channel.isWritable {
            if monotonicNow() >= deadline {
                bursting = false
                break
            }
            chunksWritten += 1
            let promise = context.eventLoop.makePromise(of: Void.self)
            promise.futureResult.whenSuccess { [self] in
                chunksDone += 1
                lastDone = monotonicNow()
                completeIfDone()
            }
            context.write(wrapOutboundOut(gateway.chunk), promise: promise)
            if chunksWritten % 4 == 0 { context.flush() }
        }
        context.flush()
        completeIfDone()
    }

    private func completeIfDone() {
        guard !bursting, chunksDone == chunksWritten, let finish else { return }
        self.finish = nil
        finish.resume(returning: (chunksDone * gateway.framesPerChunk, start, lastDone))
    }
}

/// Seconds on CLOCK_MONOTONIC (the clock every benchmark process shares).
func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A soak in progress (confined to the session's event loop).
private final class SoakRun: @unchecked Sendable {
    var feed: SoakFeed
    let end: Double
    var sent = 0
    var buffer = ByteBuffer()

    init(feed: SoakFeed, end: Double) {
        self.feed = feed
        self.end = end
    }
}
