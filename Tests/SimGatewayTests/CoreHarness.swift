import Foundation
import NIOCore
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// A socket-free simulated OpenD on a manual clock with a throw-away ledger directory.
final class CoreHarness {
    let clock = ManualClock()
    let directory: String
    let core: GatewayCore
    let scheduler: ManualScheduler
    /// Frames the core delivered later than their request (deferred trade-write answers).
    let delivered = DeliveredFrames()
    private var serial: UInt32 = 1000

    init(seed: UInt64 = 1, quota: Int = 100, rate: Double = 4, withRealAccounts: Bool = false,
         passwordMD5: String? = nil, directory: String? = nil, orderLatency: TimeInterval = 0,
         extraInstruments: [Instrument] = [], enforcesRateLimits: Bool = true) throws {
        self.directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("mootui-sim-test-\(UUID().uuidString)").path
        var config = SimConfiguration()
        config.dataDirectory = self.directory
        config.seed = seed
        config.quota = quota
        config.rate = rate
        config.withRealAccounts = withRealAccounts
        config.tradePasswordMD5 = passwordMD5
        config.orderLatency = orderLatency
        config.extraInstruments = extraInstruments
        config.enforcesRateLimits = enforcesRateLimits
        scheduler = ManualScheduler(clock: clock)
        let sink = delivered
        core = try GatewayCore(configuration: config, clock: clock, logger: .init(label: "test"), scheduler: scheduler,
                               deliver: { sink.append($0) })
    }

    func removeData() { try? FileManager.default.removeItem(atPath: directory) }

    /// A connection that has completed InitConnect.
    func connect(file: StaticString = #filePath, line: UInt = #line) throws -> UInt64 {
        let conn = try XCTUnwrap(core.connect(), file: file, line: line)
        var c2s = InitConnect_C2S()
        c2s.clientVer = 300
        c2s.clientID = "test"
        c2s.recvNotify = false
        let (r, _) = try send(InitConnect_Request.self, c2s, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg, file: file, line: line)
        return conn
    }

    /// Sends one request; returns its decoded response and every other frame produced (pushes).
    func send<Q: OpenDRequest>(_ type: Q.Type, _ c2s: Q.C2S, on conn: UInt64) throws -> (Q.Response, [Outgoing]) {
        serial += 1
        let frame = try Frame(protoID: Q.protoID, serial: serial, message: Q(c2s: c2s))
        let out = core.handle(frame, from: conn)
        guard let answer = out.first(where: { $0.connection == conn && $0.frame.serial == serial && $0.frame.protoID == Q.protoID.rawValue })
        else { throw HarnessError.noAnswer }
        let response: Q.Response = try answer.frame.decode()
        return (response, out.filter { !($0.connection == conn && $0.frame.serial == serial && $0.frame.protoID == Q.protoID.rawValue) })
    }

    /// Qot_Sub with registration and first push.
    func subscribe(_ codes: [String], _ subTypes: [Int32], on conn: UInt64) throws -> (QotSub_Response, [Outgoing]) {
        var c2s = QotSub_C2S()
        c2s.securityList = codes.map { Wire.security(try! SecurityCode(parsing: $0)) }
        c2s.subTypeList = subTypes
        c2s.isSubOrUnSub = true
        c2s.isRegOrUnRegPush = true
        c2s.isFirstPush = true
        return try send(QotSub_Request.self, c2s, on: conn)
    }

    static func header(_ account: UInt64, env: Int32 = 0, market: Int32 = 1) -> TrdCommon_TrdHeader {
        var h = TrdCommon_TrdHeader()
        h.trdEnv = env
        h.accID = account
        h.trdMarket = market
        return h
    }

    /// Trd_PlaceOrder with a fresh PacketID (or the given one).
    func place(_ code: String, side: Int32 = 1, qty: Double, price: Double, account: UInt64 = 10_001, env: Int32 = 0,
               market: Int32 = 1, packet: UInt32? = nil, on conn: UInt64) throws -> (TrdPlaceOrder_Response, [Outgoing]) {
        var c2s = TrdPlaceOrder_C2S()
        var p = Common_PacketID()
        p.connID = conn
        p.serialNo = packet ?? serial + 1
        c2s.packetID = p
        c2s.header = Self.header(account, env: env, market: market)
        c2s.trdSide = side
        c2s.orderType = 1
        let parsed = try SecurityCode(parsing: code)
        c2s.code = parsed.symbol
        c2s.secMarket = parsed.market.trdSecMarket
        c2s.qty = qty
        c2s.price = price
        return try send(TrdPlaceOrder_Request.self, c2s, on: conn)
    }

    func market(_ code: String) -> InstrumentMarket {
        core.lock.withLock { core.market[try! SecurityCode(parsing: code)]! }
    }

    enum HarnessError: Error { case noAnswer }
}

/// What a core delivered outside a request's own answer, in order.
final class DeliveredFrames: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [Outgoing] = []

    func append(_ out: [Outgoing]) { lock.withLock { frames += out } }

    /// Everything delivered so far, emptying the list.
    func take() -> [Outgoing] { lock.withLock { defer { frames = [] }; return frames } }
}
