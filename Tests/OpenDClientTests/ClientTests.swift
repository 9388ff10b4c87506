import NIOConcurrencyHelpers
import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// The typed API against a scripted OpenD on 127.0.0.1: what goes on the wire, what comes back
/// as TradingKit values, and pushes turned into ``ClientEvent``s.
final class ClientTests: ScriptedOpenDTestCase {
    private var client: OpenDClient!
    private let hk = SecurityCode(market: .hk, symbol: "00700")

    override func setUp() async throws {
        try await super.setUp()
        client = OpenDClient(connection: OpenDConnection(configuration: configuration()))
        try await client.start()
    }

    override func tearDown() async throws {
        await client.shutdown()
        try await super.tearDown()
    }

    /// Answers `proto` requests with `make(request frame)`, everything else as standard.
    private func answer(_ proto: ProtoID, _ make: @escaping @Sendable (Frame) throws -> any OpenDResponse) {
        server.setScript { frame, _ in
            guard frame.protoID == proto.rawValue, let response = try? make(frame),
                let bytes: [UInt8] = try? response.serializedBytes(partial: true)
            else { return .standard }
            // partial: the test fills only the fields it checks; the client decodes tolerantly too.
            return .respond(Frame(protoID: frame.protoID, serial: frame.serial, body: ByteBuffer(bytes: bytes)))
        }
    }

    private static func snapshot(_ security: QotCommon_Security, price: Double) -> QotGetSecuritySnapshot_Snapshot {
        var s = QotGetSecuritySnapshot_Snapshot()
        s.basic.security = security
        s.basic.name = "N\(security.code)"
        s.basic.type = 3
        s.basic.lotSize = 100
        s.basic.priceSpread = 0.01
        s.basic.curPrice = price
        return s
    }

    func testSnapshotsGoOutInBatchesOf400AndComeBackInOrder() async throws {
        answer(.qotGetSecuritySnapshot) { frame in
            let c2s = try frame.decode(QotGetSecuritySnapshot_Request.self).c2S
            var s2c = QotGetSecuritySnapshot_S2C()
            s2c.snapshotList = c2s.securityList.map { Self.snapshot($0, price: 12.34) }
            return QotGetSecuritySnapshot_Response.success(s2c)
        }
        let codes = (0..<450).map { SecurityCode(market: .sz, symbol: String(format: "%06d", $0 + 1)) }
        let snapshots = try await client.snapshots(codes)
        XCTAssertEqual(snapshots.map(\.code), codes)
        XCTAssertEqual(snapshots.first?.last, Price("12.34"))
        let sizes = try server.frames(.qotGetSecuritySnapshot).map {
            try $0.frame.decode(QotGetSecuritySnapshot_Request.self).c2S.securityList.count
        }
        XCTAssertEqual(sizes, [400, 50])
    }

    func testHistoryBarsFollowNextReqKeyAndSkipBlankBars() async throws {
        answer(.qotRequestHistoryKL) { frame in
            let c2s = try frame.decode(QotRequestHistoryKL_Request.self).c2S
            var s2c = QotRequestHistoryKL_S2C()
            s2c.security = c2s.security
            var bar = QotCommon_KLine()
            bar.isBlank = false
            bar.closePrice = 52.631194
            var blank = QotCommon_KLine()
            blank.isBlank = true
            if c2s.hasNextReqKey {
                bar.time = "2026-11-26 00:00:00"
                s2c.klList = [bar]
            } else {
                bar.time = "2026-11-25 00:00:00"
                blank.time = "2026-11-24 00:00:00"
                s2c.klList = [blank, bar]
                s2c.nextReqKey = Data([1, 2, 3])
            }
            return QotRequestHistoryKL_Response.success(s2c)
        }
        let bars = try await client.historyBars(hk, period: .day, from: "2026-11-01", to: "2026-11-27")
        XCTAssertEqual(bars.map(\.time), ["2026-11-25 00:00:00", "2026-11-26 00:00:00"])
        XCTAssertEqual(bars.first?.close, Price(micros: 52_631_194))
        let requests = try server.frames(.qotRequestHistoryKL).map {
            try $0.frame.decode(QotRequestHistoryKL_Request.self).c2S
        }
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests[0].beginTime, "2026-11-01 00:00:00")
        XCTAssertEqual(requests[0].endTime, "2026-11-27 23:59:59")
        XCTAssertEqual(requests[0].klType, 2)
        XCTAssertFalse(requests[0].hasNextReqKey)
        XCTAssertEqual(requests[1].nextReqKey, Data([1, 2, 3]))
    }

    func testHistoryPagingThatDoesNotAdvanceIsAnError() async throws {
        answer(.qotRequestHistoryKL) { frame in
            var s2c = QotRequestHistoryKL_S2C()
            s2c.security = try frame.decode(QotRequestHistoryKL_Request.self).c2S.security
            s2c.nextReqKey = Data([9])
            return QotRequestHistoryKL_Response.success(s2c)
        }
        await XCTAssertThrowsAsync(ClientError.pagingStalled(hk)) {
            try await self.client.historyBars(self.hk, period: .day, from: "2026-11-01", to: "2026-11-27")
        }
    }

    func testUnknownCodesInStaticInfoAreReportedAsUnknown() async throws {
        answer(.qotGetStaticInfo) { frame in
            let c2s = try frame.decode(QotGetStaticInfo_Request.self).c2S
            var s2c = QotGetStaticInfo_S2C()
            s2c.staticInfoList = c2s.securityList.map { security in
                var info = QotCommon_SecurityStaticInfo()
                info.basic.security = security
                info.basic.lotSize = security.code == "99999" ? 0 : 100
                info.basic.secType = 3
                info.basic.name = security.code == "99999" ? "未知股票" : "腾讯控股"
                info.basic.delisting = security.code == "99999"
                return info
            }
            return QotGetStaticInfo_Response.success(s2c)
        }
        let known = try await client.securityInfo([hk])
        XCTAssertEqual(known.first?.lotSize, 100)
        let unknown = SecurityCode(market: .hk, symbol: "99999")
        await XCTAssertThrowsAsync(ClientError.unknownSecurity([unknown])) {
            try await self.client.securityInfo([self.hk, unknown])
        }
    }

    func testGatewayErrorsCarryTheGatewayText() async throws {
        answer(.qotGetBasicQot) { _ in QotGetBasicQot_Response.failure("Unknown stock", retType: -1, errCode: 7) }
        await XCTAssertThrowsAsync(
            OpenDClientError.gateway(protoID: 3004, retType: -1, retMsg: "Unknown stock", errCode: 7)
        ) { try await self.client.quotes([self.hk]) }
    }

    func testAccountsAskLikeTheSDKAndConvert() async throws {
        answer(.trdGetAccList) { _ in
            var acc = TrdCommon_TrdAcc()
            acc.trdEnv = 0
            acc.accID = 281_756_420_273_981_734
            acc.trdMarketAuthList = [3]
            acc.simAccType = 1
            var s2c = TrdGetAccList_S2C()
            s2c.accList = [acc]
            return TrdGetAccList_Response.success(s2c)
        }
        let accounts = try await client.accounts()
        XCTAssertEqual(
            accounts,
            [
                Account(
                    id: 281_756_420_273_981_734, environment: .simulate, markets: [3],
                    accountType: 1, simulateType: 1)
            ])
        let c2s = try XCTUnwrap(server.frames(.trdGetAccList).first).frame.decode(TrdGetAccList_Request.self).c2S
        XCTAssertEqual(c2s.userID, 4242)  // loginUserID from InitConnect
        XCTAssertEqual(c2s.trdCategory, 1)
        XCTAssertTrue(c2s.needGeneralSecAccount)
    }

    func testPlaceOrderSendsPacketIDHeaderAndExactPrice() async throws {
        let account = Account(id: 10_003, environment: .simulate, markets: [3])
        let request = OrderRequest(
            code: SecurityCode(market: .sh, symbol: "600519"), side: .buy, type: .limit,
            price: Price("1680.01")!, quantity: 100, remark: "t1")
        let orderID = try await client.placeOrder(account, request)
        let sent = try XCTUnwrap(server.frames(.trdPlaceOrder).first)
        // The scripted server answers orderID = serial and no orderIDEx.
        XCTAssertEqual(orderID, String(sent.frame.serial))
        let c2s = try sent.frame.decode(TrdPlaceOrder_Request.self).c2S
        XCTAssertEqual(c2s.packetID.serialNo, sent.frame.serial)
        XCTAssertEqual(c2s.packetID.connID, client.connection.info?.connID)
        XCTAssertEqual(c2s.header.trdMarket, 3)
        XCTAssertEqual(c2s.header.accID, 10_003)
        XCTAssertEqual(c2s.secMarket, 31)
        XCTAssertEqual(c2s.code, "600519")
        XCTAssertEqual(Price(wire: c2s.price), Price("1680.01"))
        XCTAssertEqual(c2s.remark, "t1")
    }

    func testCancelAndModifyAddressTheOrderByOrderIDEx() async throws {
        answer(.trdModifyOrder) { frame in
            let c2s = try frame.decode(TrdModifyOrder_Request.self).c2S
            var s2c = TrdModifyOrder_S2C()
            s2c.header = c2s.header
            s2c.orderID = 0
            s2c.orderIdex = c2s.orderIdex
            return TrdModifyOrder_Response.success(s2c)
        }
        let account = Account(id: 10_001, environment: .real, markets: [1, 2, 4])
        try await client.cancelOrder(account, orderID: "v3_x_1", code: SecurityCode(market: .sz, symbol: "000001"))
        try await client.modifyOrder(account, orderID: "v3_x_2", price: Price("359.8")!, quantity: 200, code: hk)
        let bodies = try server.frames(.trdModifyOrder).map { try $0.frame.decode(TrdModifyOrder_Request.self).c2S }
        XCTAssertEqual(bodies.count, 2)
        XCTAssertEqual(bodies[0].orderID, 0)
        XCTAssertEqual(bodies[0].orderIdex, "v3_x_1")
        XCTAssertEqual(bodies[0].modifyOrderOp, 2)
        XCTAssertEqual(bodies[0].header.trdMarket, 4)  // A-shares trade through HKCC on real accounts
        XCTAssertEqual(bodies[1].modifyOrderOp, 1)
        XCTAssertEqual(bodies[1].qty, 200)
        XCTAssertEqual(Price(wire: bodies[1].price), Price("359.8"))
        XCTAssertEqual(bodies[1].header.trdMarket, 1)
        await XCTAssertThrowsAsync(ConversionError.invalidRequest("empty order id")) {
            try await self.client.cancelOrder(account, orderID: "")
        }
    }

    /// A push frame carrying `response`, required fields or not (the client tolerates missing ones).
    private func pushFrame(_ proto: ProtoID, _ response: some OpenDResponse) throws -> Frame {
        let bytes: [UInt8] = try response.serializedBytes(partial: true)
        return Frame(protoID: proto.rawValue, serial: 0, body: ByteBuffer(bytes: bytes))
    }

    func testPushesArriveAsTypedEvents() async throws {
        let seen = NIOLockedValueBox<[ClientEvent]>([])
        let events = client.events
        let collector = Task { for await event in events { seen.withLockedValue { $0.append(event) } } }
        defer { collector.cancel() }

        var book = QotUpdateOrderBook_S2C()
        book.security = hk.wireSecurity
        var ask = QotCommon_OrderBook()
        ask.price = 359.8
        ask.volume = 200
        ask.orederCount = 2
        book.orderBookAskList = [ask]
        var quote = QotCommon_BasicQot()
        quote.security = hk.wireSecurity
        quote.curPrice = 359.6
        var quotes = QotUpdateBasicQot_S2C()
        quotes.basicQotList = [quote]
        var order = TrdUpdateOrder_S2C()
        order.header.trdEnv = 0
        order.header.accID = 10_001
        order.header.trdMarket = 1
        order.order.trdSide = 2
        order.order.orderType = 1
        order.order.orderStatus = 5
        order.order.orderID = 9_007_199_254_740_993
        order.order.orderIdex = "o-1"
        order.order.code = "00700"
        order.order.qty = 100
        order.order.price = 359.8
        order.order.secMarket = 1
        var bars = QotUpdateKL_S2C()
        bars.rehabType = 1
        bars.klType = 6
        bars.security = hk.wireSecurity
        var bar = QotCommon_KLine()
        bar.time = "2026-11-27 10:15:00"
        bar.isBlank = false
        bar.closePrice = 359.6
        bars.klList = [bar]

        try server.push(pushFrame(.qotUpdateOrderBook, QotUpdateOrderBook_Response.success(book)), session: 1)
        try server.push(pushFrame(.qotUpdateBasicQot, QotUpdateBasicQot_Response.success(quotes)), session: 1)
        try server.push(pushFrame(.trdUpdateOrder, TrdUpdateOrder_Response.success(order)), session: 1)
        try server.push(pushFrame(.qotUpdateKL, QotUpdateKL_Response.success(bars)), session: 1)

        try await waitUntil("four push events") {
            seen.withLockedValue { $0.filter { if case .connection = $0 { return false } else { return true } }.count }
                >= 4
        }
        let pushes = seen.withLockedValue { $0 }.filter {
            if case .connection = $0 { return false } else { return true }
        }
        guard case .orderBook(let b) = pushes[0] else { return XCTFail("\(pushes[0])") }
        XCTAssertEqual(b.bestAsk, BookLevel(price: Price("359.8")!, volume: 200, orderCount: 2))
        guard case .quote(let q) = pushes[1] else { return XCTFail("\(pushes[1])") }
        XCTAssertEqual(q.last, Price("359.6"))
        guard case .order(let o) = pushes[2] else { return XCTFail("\(pushes[2])") }
        XCTAssertEqual(o.id, "o-1")
        XCTAssertEqual(o.numericID, 9_007_199_254_740_993)
        XCTAssertEqual(o.accountID, 10_001)
        XCTAssertEqual(o.side, .sell)
        XCTAssertEqual(o.status, .submitted)
        guard case .bars(let code, let period, let list) = pushes[3] else { return XCTFail("\(pushes[3])") }
        XCTAssertEqual(code, hk)
        XCTAssertEqual(period, .fiveMinutes)
        XCTAssertEqual(list.first?.close, Price("359.6"))
        XCTAssertTrue(
            seen.withLockedValue { $0 }.contains {
                if case .connection(.connected) = $0 { return true } else { return false }
            })
    }

    func testShutdownFinishesTheEventStream() async throws {
        let events = client.events
        let finished = Task { () -> Int in
            var n = 0
            for await _ in events { n += 1 }
            return n
        }
        await client.shutdown()
        let count = await finished.value
        XCTAssertGreaterThan(count, 0)  // at least the connection states before the end
    }
}
