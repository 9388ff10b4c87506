import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol
import TradingKit

/// The simulated OpenD's brain, free of sockets: connections, subscriptions, quota, rate limits,
/// the markets and the paper broker. Every entry point takes the lock, so the NIO handlers, the
/// market timer and tests may call it from anywhere; it returns the frames to send.
final class GatewayCore: @unchecked Sendable {
    // All mutable state below is guarded by `lock`.
    let lock = NIOLock()
    let configuration: SimConfiguration
    let clock: any SimClock
    let logger: Logger
    let market: MarketSimulator
    let broker: PaperBroker
    let userData: UserData
    private let requestLog: RequestLog?
    /// Defers trade-write acknowledgements by the broker latency.
    let scheduler: any SimScheduler
    /// Writes frames produced later than the request that caused them (deferred acknowledgements).
    let deliver: @Sendable ([Outgoing]) -> Void

    struct Connection {
        let id: UInt64
        var initialized = false
        var recvNotify = false
        var lastReceive: Date
        var pushSerial: UInt32 = 0
        var registered: Set<SubscriptionKey> = []
        var accountPushes: Set<UInt64> = []
    }

    var connections: [UInt64: Connection] = [:]
    /// Holders of each subscription with the time each subscribed (closed connections stay until
    /// their minute is up, as on OpenD).
    var subscriptions: [SubscriptionKey: [UInt64: Date]] = [:]
    var registrations: [SubscriptionKey: Set<UInt64>] = [:]
    var closedConnections: Set<UInt64> = []
    var limiter = RateLimiter()
    var historyQuota: [SecurityCode: Date] = [:]
    private var nextConnectionID: UInt64
    private var lastStep: Date
    private(set) var steps: Int64 = 0
    /// Set in replay mode (`sim --replay`): recorded quotes in place of the random walk.
    let replay: ReplayFeed?
    let loginUserID: UInt64 = 13_572_468
    static let maxConnections = 128
    static let supportedSubTypes: [Int32] = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]

    init(configuration: SimConfiguration, clock: any SimClock, logger: Logger, scheduler: any SimScheduler,
         deliver: @escaping @Sendable ([Outgoing]) -> Void) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        self.scheduler = scheduler
        self.deliver = deliver
        let now = clock.now()
        market = MarketSimulator(seed: configuration.seed, hours: configuration.marketHours, startDate: now,
                                 instruments: Universe.merged(with: configuration.extraInstruments))
        let ledger = try Ledger(directory: configuration.resolvedDataDirectory)
        broker = try PaperBroker(ledger: ledger, market: market, withRealAccounts: configuration.withRealAccounts,
                                 fees: configuration.fees, at: now)
        userData = try UserData(ledger: ledger)
        requestLog = try configuration.logPath.map { try RequestLog(path: $0) }
        // Unique across restarts so a PacketID {connID, serial} from a previous run never collides.
        nextConnectionID = UInt64(max(now.timeIntervalSince1970, 1)) << 20
        lastStep = now
        replay = configuration.replay.map(ReplayFeed.init)
        limiter.enforcing = configuration.enforcesRateLimits
    }

    // MARK: Connections

    /// Registers a new TCP connection; nil when the 128-connection limit is reached.
    func connect() -> UInt64? {
        lock.withLock {
            guard connections.count < Self.maxConnections else { return nil }
            nextConnectionID += 1
            let id = nextConnectionID
            connections[id] = Connection(id: id, lastReceive: clock.now())
            return id
        }
    }

    /// Forgets a closed connection; its subscriptions linger until their minute is up.
    func disconnect(_ id: UInt64) {
        lock.withLock {
            guard let c = connections.removeValue(forKey: id) else { return }
            for key in c.registered { registrations[key]?.remove(id) }
            closedConnections.insert(id)
            releaseExpiredSubscriptions(at: clock.now())
        }
    }

    /// Connections that have been silent too long (missed keep-alives), to be closed.
    func silentConnections() -> [UInt64] {
        lock.withLock {
            let now = clock.now()
            let limit = max(TimeInterval(configuration.keepAliveInterval) * 3, 5)
            return connections.values.filter { now.timeIntervalSince($0.lastReceive) > limit }.map(\.id)
        }
    }

    func close() { requestLog?.close() }

    // MARK: Markets

    /// Runs every market update due by now (at `rate` per second per code) and returns the pushes.
    func advanceToNow(maxSteps: Int = 2000) -> [Outgoing] {
        lock.withLock {
            let now = clock.now()
            releaseExpiredSubscriptions(at: now)
            if replay != nil {
                lastStep = now
                return replayLocked(at: now)
            }
            guard configuration.rate > 0 else {
                lastStep = now
                return []
            }
            let interval = 1 / configuration.rate
            var due = Int(now.timeIntervalSince(lastStep) / interval)
            if due <= 0 { return [] }
            if due > maxSteps {
                // Far behind (a stall): skip ahead rather than flood the clients.
                lastStep = now.addingTimeInterval(-Double(maxSteps) * interval)
                due = maxSteps
            }
            var out: [Outgoing] = []
            for _ in 0..<due {
                lastStep = lastStep.addingTimeInterval(interval)
                out += stepLocked(at: now)
            }
            return out
        }
    }

    /// Runs exactly `count` market updates at the clock's current time (tests and benchmarks).
    func step(_ count: Int = 1) -> [Outgoing] {
        lock.withLock {
            var out: [Outgoing] = []
            for _ in 0..<count { out += stepLocked(at: clock.now()) }
            return out
        }
    }

    private func stepLocked(at now: Date) -> [Outgoing] {
        steps += 1
        let moved = market.step(at: now)
        var out: [Outgoing] = []
        if broker.hasWorkingOrders {
            let events = broker.matchResting(moved, at: now)
            if !events.isEmpty {
                do { try broker.commit() } catch { logger.error("ledger commit failed: \(error)") }
                out += tradePushes(events)
            }
        }
        if !registrations.isEmpty {
            for code in moved { out += quotePushes(code) }
        }
        if !userData.reminders.isEmpty { out += reminderPushes(moved, at: now) }
        return out
    }

    // MARK: Requests

    /// Handles one request frame from `connection` and returns everything to send.
    func handle(_ frame: Frame, from connection: UInt64) -> [Outgoing] {
        lock.withLock {
            let now = clock.now()
            requestLog?.record(frame, connection: connection, at: now)
            guard connections[connection] != nil else { return [] }
            connections[connection]!.lastReceive = now
            guard let id = frame.knownProtoID else {
                return [reply(frame, connection, GetGlobalState_Response.failure("Unsupported protocol \(frame.protoID): the simulated OpenD does not serve this request"))]
            }
            if id != .initConnect && !connections[connection]!.initialized {
                return [reply(frame, connection, GetGlobalState_Response.failure("Please send InitConnect first"))]
            }
            if configuration.orderLatency > 0 && (id == .trdPlaceOrder || id == .trdModifyOrder) {
                deferToBroker(id, frame, connection)
                return []
            }
            return dispatch(id, frame, connection, now)
        }
    }

    /// A trade write goes to the broker and is answered once its round trip is over: the request
    /// is handled (rate limits included) when the latency has passed, in arrival order, so a
    /// synchronous caller's next request can never arrive before this one's answer.
    private func deferToBroker(_ id: ProtoID, _ frame: Frame, _ connection: UInt64) {
        scheduler.schedule(after: configuration.orderLatency) { [self] in
            let out = lock.withLock { dispatch(id, frame, connection, clock.now()) }
            deliver(out)
        }
    }

    private func dispatch(_ id: ProtoID, _ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        switch id {
        case .initConnect: return initConnect(frame, conn, now)
        case .keepAlive:
            return answer(frame, conn, KeepAlive_Request.self) { _ in
                var s = KeepAlive_S2C()
                s.time = Int64(now.timeIntervalSince1970)
                return .success(s)
            }
        case .getGlobalState: return answer(frame, conn, GetGlobalState_Request.self) { _ in .success(globalState(conn, now)) }
        case .qotSub: return subscribe(frame, conn, now)
        case .qotRegQotPush: return registerPush(frame, conn, now)
        case .qotGetSubInfo: return answer(frame, conn, QotGetSubInfo_Request.self) { c2s in .success(subInfo(c2s, conn)) }
        case .qotGetBasicQot: return getBasicQot(frame, conn)
        case .qotGetKL: return getKL(frame, conn)
        case .qotGetRT: return getRT(frame, conn)
        case .qotGetTicker: return getTicker(frame, conn)
        case .qotGetOrderBook: return getOrderBook(frame, conn)
        case .qotGetBroker: return getBroker(frame, conn)
        case .qotRequestHistoryKL: return requestHistoryKL(frame, conn, now)
        case .qotRequestHistoryKLQuota: return historyKLQuota(frame, conn)
        case .qotGetStaticInfo: return getStaticInfo(frame, conn)
        case .qotGetSecuritySnapshot: return getSnapshot(frame, conn, now)
        case .qotGetMarketState: return getMarketState(frame, conn, now)
        case .trdGetAccList: return getAccList(frame, conn)
        case .trdUnlockTrade: return unlockTrade(frame, conn, now)
        case .trdSubAccPush: return subAccPush(frame, conn)
        case .trdGetFunds: return getFunds(frame, conn, now)
        case .trdGetPositionList: return getPositions(frame, conn, now)
        case .trdGetMaxTrdQtys: return getMaxQtys(frame, conn, now)
        case .trdGetOrderList: return getOrders(frame, conn, now)
        case .trdPlaceOrder: return placeOrder(frame, conn, now)
        case .trdModifyOrder: return modifyOrder(frame, conn, now)
        case .trdGetOrderFillList: return getFills(frame, conn, now)
        case .trdGetHistoryOrderList: return getHistoryOrders(frame, conn, now)
        case .trdGetHistoryOrderFillList: return getHistoryFills(frame, conn, now)
        case .trdGetOrderFee: return getOrderFees(frame, conn, now)
        case .qotStockFilter: return stockFilter(frame, conn, now)
        case .qotRequestTradeDate: return requestTradeDate(frame, conn, now)
        case .qotGetUserSecurityGroup: return getUserSecurityGroup(frame, conn, now)
        case .qotGetUserSecurity: return getUserSecurity(frame, conn, now)
        case .qotModifyUserSecurity: return modifyUserSecurity(frame, conn, now)
        case .qotSetPriceReminder: return setPriceReminder(frame, conn, now)
        case .qotGetPriceReminder: return getPriceReminder(frame, conn, now)
        case .qotGetPlateSet: return getPlateSet(frame, conn, now)
        case .qotGetPlateSecurity: return getPlateSecurity(frame, conn, now)
        case .qotGetOwnerPlate: return getOwnerPlate(frame, conn, now)
        case .qotGetCapitalFlow: return getCapitalFlow(frame, conn, now)
        case .qotGetCapitalDistribution: return getCapitalDistribution(frame, conn, now)
        case .qotRequestRehab: return requestRehab(frame, conn, now)
        case .trdFlowSummary: return flowSummary(frame, conn, now)
        case .trdGetMarginRatio: return getMarginRatio(frame, conn, now)
        default:
            return [reply(frame, conn, GetGlobalState_Response.failure("Protocol \(frame.protoID) is a push, not a request"))]
        }
    }

    // MARK: Helpers

    /// Decodes the request, runs `body` and frames its response with the request's serial.
    func answer<Q: OpenDRequest>(_ frame: Frame, _ conn: UInt64, _ type: Q.Type,
                                 _ body: (Q.C2S) -> Q.Response) -> [Outgoing] {
        guard let request: Q = try? frame.decode(Q.self), request.isInitialized else {
            return [reply(frame, conn, Q.Response.failure("Malformed request body for protocol \(frame.protoID)"))]
        }
        return [reply(frame, conn, body(request.c2S))]
    }

    /// Frames `response` as the answer to `frame` (same proto id and serial).
    func reply<R: OpenDResponse>(_ frame: Frame, _ conn: UInt64, _ response: R) -> Outgoing {
        Outgoing(connection: conn, frame: makeFrame(protoID: frame.protoID, serial: frame.serial, response))
    }

    func makeFrame<R: OpenDResponse>(protoID: UInt32, serial: UInt32, _ response: R) -> Frame {
        do {
            // Not `partial`: a missing required field is a bug here, and the SDK would reject it.
            let bytes: [UInt8] = try response.serializedBytes()
            return Frame(protoID: protoID, serial: serial, body: ByteBuffer(bytes: bytes))
        } catch {
            logger.error("cannot encode a response to \(protoID): \(error)")
            let bytes: [UInt8] = (try? R.failure("internal error encoding the response").serializedBytes()) ?? []
            return Frame(protoID: protoID, serial: serial, body: ByteBuffer(bytes: bytes))
        }
    }

    /// The next push serial of a connection.
    func nextPushSerial(_ conn: UInt64) -> UInt32 {
        guard connections[conn] != nil else { return 0 }
        connections[conn]!.pushSerial &+= 1
        return connections[conn]!.pushSerial
    }

    func releaseExpiredSubscriptions(at now: Date) {
        guard !closedConnections.isEmpty else { return }
        for (key, holders) in subscriptions {
            var h = holders
            for (conn, since) in holders where closedConnections.contains(conn) && now.timeIntervalSince(since) >= 60 {
                h.removeValue(forKey: conn)
            }
            if h.isEmpty { subscriptions.removeValue(forKey: key) } else if h.count != holders.count { subscriptions[key] = h }
        }
        let stillHolding = Set(subscriptions.values.flatMap(\.keys))
        closedConnections = closedConnections.intersection(stillHolding)
    }

    private func initConnect(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        guard let request: InitConnect_Request = try? frame.decode(), request.isInitialized else {
            return [reply(frame, conn, InitConnect_Response.failure("Malformed InitConnect"))]
        }
        let c2s = request.c2S
        var s = InitConnect_S2C()
        s.serverVer = 1002
        s.loginUserID = loginUserID
        s.connID = conn
        s.keepAliveInterval = configuration.keepAliveInterval
        s.userAttribution = 1
        var cipher: (any BodyCipher)? = nil
        let key = Self.randomKeyText()
        s.connAeskey = key
        let algo = c2s.hasPacketEncAlgo ? c2s.packetEncAlgo : 0
        if configuration.rsaPrivateKeyPEM != nil && algo != -1 {
            do {
                if algo == 2 {
                    let iv = Self.randomKeyText()
                    s.aesCbciv = iv
                    cipher = try AESCBCCipher(key: key, iv: iv)
                } else {
                    cipher = try FTAESECBCipher(key: key)
                }
            } catch {
                return [reply(frame, conn, InitConnect_Response.failure("cannot set up encryption: \(error)"))]
            }
        }
        connections[conn]!.initialized = true
        connections[conn]!.recvNotify = c2s.recvNotify
        var out = reply(frame, conn, InitConnect_Response.success(s))
        out.enableAES = cipher
        return [out] + welcomeNotifications(conn)
    }

    static func randomKeyText() -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var g = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }

    private func globalState(_ conn: UInt64, _ now: Date) -> GetGlobalState_S2C {
        var s = GetGlobalState_S2C()
        s.marketHk = market.state(.hk, at: now).wireValue
        s.marketUs = market.state(.us, at: now).wireValue
        s.marketSh = market.state(.sh, at: now).wireValue
        s.marketSz = market.state(.sz, at: now).wireValue
        s.marketHkfuture = 0
        s.qotLogined = true
        s.trdLogined = true
        s.serverVer = 1002
        s.serverBuildNo = 1
        s.time = Int64(now.timeIntervalSince1970)
        s.localTime = now.timeIntervalSince1970
        var ps = Common_ProgramStatus()
        ps.type = .ready
        s.programStatus = ps
        s.connID = conn
        return s
    }
}

