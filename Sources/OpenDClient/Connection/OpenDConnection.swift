import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import OpenDProtocol

/// One logical connection to an OpenD gateway: InitConnect, keep-alives, requests matched by
/// serial, pushes, and automatic reconnect with replay of subscriptions, unlock and trade pushes.
public final class OpenDConnection: Sendable {
    let configuration: ConnectionConfiguration
    let logger: Logger
    let clock: ConnectionClock
    let group: any EventLoopGroup
    let core: NIOLockedValueBox<ConnectionCore>
    /// Pushes and state changes, in order; finishes after ``shutdown()``.
    public let events: AsyncStream<ConnectionEvent>
    let continuation: AsyncStream<ConnectionEvent>.Continuation
    /// Where order-book, quote, K-line and ticker pushes go once a consumer attaches to it
    /// (otherwise they arrive in ``events`` like every other push).
    public let pushSlots = PushSlots()

    /// Events kept for a consumer that has fallen behind; older ones are dropped beyond this.
    public static let eventBufferLimit = 100_000

    /// A connection that does nothing until ``start()``.
    public convenience init(
        configuration: ConnectionConfiguration, clock: some Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "mootui.connection")
    ) {
        self.init(
            configuration: configuration, clock: clock, logger: logger, group: MultiThreadedEventLoopGroup.singleton)
    }

    /// A connection on a given event loop group, first serial number and rate limiter (for tests and tools).
    public init(
        configuration: ConnectionConfiguration, clock: some Clock<Duration>, logger: Logger,
        group: any EventLoopGroup, firstSerial: UInt32 = 1, rateLimiter: RateLimiter = RateLimiter()
    ) {
        self.configuration = configuration
        self.logger = logger
        self.clock = ConnectionClock(clock)
        self.group = group
        var core = ConnectionCore(firstSerial: max(firstSerial, 1))
        core.limiter = rateLimiter
        self.core = NIOLockedValueBox(core)
        // Bounded so a client that never reads events (a one-shot command) cannot grow without limit.
        (events, continuation) = AsyncStream.makeStream(
            of: ConnectionEvent.self, bufferingPolicy: .bufferingNewest(Self.eventBufferLimit))
    }

    /// Connects and performs InitConnect; throws `.unreachable` or `.handshakeFailed`. After a
    /// successful start the link is kept up (reconnecting as needed) until ``shutdown()``.
    public func start() async throws {
        let proceed = try core.withLockedValue { core -> Bool in
            if core.isShutdown { throw OpenDClientError.closed }
            // Already up, reconnecting, or another start() in progress: nothing to do.
            guard core.link == nil, core.reconnectTask == nil, !core.ready, !core.isStarting else { return false }
            core.isStarting = true
            setState(.connecting(attempt: 1), in: &core)
            return true
        }
        guard proceed else { return }
        do {
            try await establish()
            core.withLockedValue { $0.isStarting = false }
        } catch {
            core.withLockedValue { core in
                core.isStarting = false
                if !core.isShutdown { setState(.disconnected(reason: "\(error)"), in: &core) }
            }
            throw error
        }
    }

    /// Closes the link for good; idempotent. Pending requests fail with `.closed`; `events` finishes.
    public func shutdown() async {
        let taken = core.withLockedValue { core -> (ConnectionLink?, [ConnectionCore.Pending], [Task<Void, Never>])? in
            guard !core.isShutdown else { return nil }
            core.isShutdown = true
            pushSlots.accept(generation: 0)
            let link = core.link
            core.link = nil
            core.ready = false
            core.info = nil
            let pending = Array(core.pending.values)
            core.pending.removeAll()
            let tasks = [core.keepAliveTask, core.watchdogTask, core.reconnectTask].compactMap { $0 }
            core.keepAliveTask = nil
            core.watchdogTask = nil
            core.reconnectTask = nil
            setState(.closed, in: &core)
            return (link, pending, tasks)
        }
        guard let (link, pending, tasks) = taken else { return }
        for task in tasks { task.cancel() }
        for request in pending {
            request.timeoutTask?.cancel()
            request.continuation.resume(throwing: OpenDClientError.closed)
        }
        if let link {
            try? await link.channel.close()
        }
        continuation.finish()
    }

    /// What InitConnect said about the current link; nil while not connected.
    public var info: ConnectionInfo? { core.withLockedValue { $0.info } }

    /// The current state.
    public var state: ConnectionState { core.withLockedValue { $0.state } }

    /// Sends `request` (after any rate-limit wait) and returns its `S2C`, or throws `.gateway`,
    /// `.timeout`, `.disconnected`, `.closed` or `.protocolViolation`.
    public func request<R: OpenDRequest>(_ request: R, timeout: Duration? = nil) async throws -> R.Response.S2C {
        let accountID = (request.c2S as? any TradeAccountScoped)?.header.accID
        // Cache reads of funds/positions/orders/fills do not count against their limits.
        let readsCache =
            DocumentedRateLimit.all[R.protoID]?.countsOnlyWhenRefreshing == true
            && (request.c2S as? any CacheRefreshing).map { !$0.refreshCache } ?? false
        // An order waits for its slot only briefly; one that would go out much later is refused.
        let maxWait = request.c2S is any TradeWriteRequest ? configuration.orderMaxRateWait : nil
        let wait: Duration =
            readsCache
            ? .zero
            : try core.withLockedValue { core in
                let now = clock.now()
                if let wait = core.limiter.reserve(R.protoID.rawValue, accountID: accountID, at: now,
                                                   waitingAtMost: maxWait) {
                    return wait
                }
                let budget = core.limiter.budget(for: R.protoID.rawValue, accountID: accountID, at: now)
                throw OpenDClientError.rateLimited(
                    protoID: R.protoID.rawValue, limit: budget.limit,
                    window: core.limiter.rules[R.protoID.rawValue]?.window ?? .seconds(30),
                    nextIn: budget.nextSlotIn ?? .zero)
            }
        if wait > .zero {
            logger.debug("rate limit: waiting", metadata: ["proto": "\(R.protoID)", "wait": "\(wait)"])
            try await clock.sleep(wait)
        }
        let (link, connID) = try core.withLockedValue { core in
            if core.isShutdown { throw OpenDClientError.closed }
            guard let link = core.link, core.ready, let info = core.info else {
                throw OpenDClientError.disconnected("not connected to OpenD")
            }
            return (link, info.connID)
        }
        let reply = try await exchange(on: link, timeout: timeout ?? configuration.requestTimeout) { serial in
            var message = request
            if var write = message.c2S as? any TradeWriteRequest {
                var packetID = Common_PacketID()
                packetID.connID = connID
                packetID.serialNo = serial
                write.packetID = packetID
                if let c2s = write as? R.C2S { message.c2S = c2s }
            }
            return try makeFrame(R.protoID, serial: serial, message: message)
        }
        return try unpack(reply, as: R.Response.self)
    }

    /// Current use of the rate limit that applies to `proto` (and `accountID` for trade limits).
    public func rateBudget(for proto: ProtoID, accountID: UInt64?) -> RateBudget {
        core.withLockedValue { core in
            core.limiter.budget(for: proto.rawValue, accountID: accountID, at: clock.now())
        }
    }

    // MARK: - Internals shared by the extensions

    /// Records and announces a state change. Call with the lock held so order matches `state`.
    func setState(_ state: ConnectionState, in core: inout ConnectionCore) {
        core.state = state
        flushPushes(in: &core)
        continuation.yield(.state(state))
    }

    /// Delivers the pushes gathered during the current read: one event for the whole read.
    func flushPushes(in core: inout ConnectionCore) {
        switch core.pushBatch.count {
        case 0: return
        case 1: continuation.yield(.push(core.pushBatch[0]))
        default: continuation.yield(.pushes(core.pushBatch))
        }
        core.pushBatch.removeAll(keepingCapacity: true)
    }

    /// A frame for `message`, or `.protocolViolation` if it cannot be encoded (missing required field).
    func makeFrame(_ protoID: ProtoID, serial: UInt32, message: some OpenDRequest) throws -> Frame {
        do {
            return try Frame(protoID: protoID, serial: serial, message: message)
        } catch {
            throw OpenDClientError.protocolViolation("cannot encode request \(protoID.rawValue): \(error)")
        }
    }

    /// The `S2C` of a response frame, or `.gateway` when OpenD reported failure.
    func unpack<Response: OpenDResponse>(_ frame: Frame, as type: Response.Type) throws -> Response.S2C {
        let response: Response
        do {
            response = try frame.decode(Response.self)
        } catch {
            throw OpenDClientError.protocolViolation("\(error)")
        }
        guard response.retType == 0 else {
            // The generic response protocol has no `hasErrCode`; OpenD sends 0 when it has none.
            throw OpenDClientError.gateway(
                protoID: frame.protoID, retType: response.retType, retMsg: response.retMsg,
                errCode: response.errCode == 0 ? nil : response.errCode)
        }
        return response.s2C
    }

    /// Takes the next serial, sends the frame `build` makes with it on `link`, and waits for the
    /// response with the same (protoID, serial). The serial is taken and the write queued on the
    /// link's event loop under one hold of the lock, so frames leave in the order of their serials.
    /// Cancelling the calling task stops the wait (with `CancellationError`); a late answer is dropped.
    func exchange(
        on link: ConnectionLink, timeout: Duration, build: (UInt32) throws -> Frame
    ) async throws -> Frame {
        // Set under the core lock once the request is pending; read under it when cancelled.
        let sent = NIOLockedValueBox<ConnectionCore.PendingKey?>(nil)
        let started = clock.now()
        let reply = try await withTaskCancellationHandler {
            try await send(on: link, timeout: timeout, recordingKeyIn: sent, build: build)
        } onCancel: {
            let key = core.withLockedValue { _ in sent.withLockedValue { $0 } }
            if let key { resolve(key, with: .failure(CancellationError())) }
        }
        let answered = clock.now()
        core.withLockedValue { $0.roundTrips.record(answered - started, at: answered) }
        return reply
    }

    private func send(
        on link: ConnectionLink, timeout: Duration, recordingKeyIn sent: NIOLockedValueBox<ConnectionCore.PendingKey?>,
        build: (UInt32) throws -> Frame
    ) async throws -> Frame {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<ConnectionCore.PendingKey, any Error> = core.withLockedValue { core in
                if Task.isCancelled { return .failure(CancellationError()) }
                if core.isShutdown { return .failure(OpenDClientError.closed) }
                guard core.link === link else { return .failure(OpenDClientError.disconnected("not connected to OpenD")) }
                let frame: Frame
                do { frame = try build(core.nextSerial()) } catch { return .failure(error) }
                let key = ConnectionCore.PendingKey(protoID: frame.protoID, serial: frame.serial)
                core.pending[key] = ConnectionCore.Pending(
                    generation: link.generation, continuation: continuation, timeoutTask: nil)
                sent.withLockedValue { $0 = key }
                // Queued while the lock is held: the event loop writes frames in serial order.
                link.channel.eventLoop.execute { [weak self] in
                    let connection = self
                    link.channel.writeAndFlush(frame).whenFailure { error in
                        connection?.resolve(key, with: .failure(OpenDClientError.disconnected("cannot send to OpenD: \(error)")))
                    }
                }
                return .success(key)
            }
            let key: ConnectionCore.PendingKey
            switch outcome {
            case .failure(let refusal):
                continuation.resume(throwing: refusal)
                return
            case .success(let k): key = k
            }
            let clock = self.clock
            let timer = Task { [weak self] in
                do { try await clock.sleep(timeout) } catch { return }
                self?.resolve(key, with: .failure(OpenDClientError.timeout(protoID: key.protoID, serial: key.serial)))
            }
            let stillPending = core.withLockedValue { core in
                guard core.pending[key] != nil else { return false }
                core.pending[key]?.timeoutTask = timer
                return true
            }
            if !stillPending { timer.cancel() }
        }
    }

    /// Completes a pending request, if it is still pending.
    func resolve(_ key: ConnectionCore.PendingKey, with result: Result<Frame, any Error>) {
        let pending = core.withLockedValue { $0.pending.removeValue(forKey: key) }
        guard let pending else { return }
        pending.timeoutTask?.cancel()
        pending.continuation.resume(with: result)
    }
}
