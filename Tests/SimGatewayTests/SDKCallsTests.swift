import Foundation
import NIOCore
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// The calls SDK users' scripts make, against the socket-free core: stock filter, trading days,
/// watchlists kept in the ledger, price reminders and their push, plates, cancel-all, and the
/// error (never silence) for a protocol the simulator does not serve.
final class SDKCallsTests: XCTestCase {
    private var harnesses: [CoreHarness] = []

    override func tearDown() {
        for h in harnesses { h.core.close(); h.removeData() }
        harnesses = []
    }

    private func harness(seed: UInt64 = 1, rate: Double = 4, real: Bool = false, directory: String? = nil) throws -> CoreHarness {
        let h = try CoreHarness(seed: seed, rate: rate, withRealAccounts: real, directory: directory)
        harnesses.append(h)
        return h
    }

    private func filter(_ h: CoreHarness, _ conn: UInt64, market: Market = .hk, begin: Int32 = 0, num: Int32 = 200,
                        _ build: (inout QotStockFilter_C2S) -> Void) throws -> QotStockFilter_Response {
        var c2s = QotStockFilter_C2S()
        c2s.begin = begin
        c2s.num = num
        c2s.market = market.qotMarket
        build(&c2s)
        return try h.send(QotStockFilter_Request.self, c2s, on: conn).0
    }

    func testStockFilterRangesSortAndPages() throws {
        let h = try harness()
        let conn = try h.connect()
        let r = try filter(h, conn) { c in
            var price = QotStockFilter_BaseFilter()
            price.fieldName = 3
            price.filterMin = 10
            price.filterMax = 200
            price.isNoFilter = false
            price.sortDir = 2
            c.baseFilterList = [price]
        }
        XCTAssertEqual(r.retType, 0, r.retMsg)
        let prices = r.s2C.dataList.map { $0.baseDataList[0].value }
        XCTAssertFalse(prices.isEmpty)
        XCTAssertTrue(prices.allSatisfy { (10...200).contains($0) }, "\(prices)")
        XCTAssertEqual(prices, prices.sorted(by: >))
        XCTAssertTrue(r.s2C.dataList.allSatisfy { $0.security.market == Market.hk.qotMarket })
        XCTAssertEqual(Int(r.s2C.allCount), prices.count)
        XCTAssertTrue(r.s2C.lastPage)
        // Each listed HK stock in range is there: compare with the markets themselves.
        let expected = h.core.lock.withLock {
            h.core.market.instruments.filter { i in
                i.code.market == .hk && i.kind == .stock && (Price(units: 10)...Price(units: 200)).contains(h.core.market[i.code]!.last)
            }.count
        }
        XCTAssertEqual(prices.count, expected)
        let page = try filter(h, conn, begin: 2, num: 3) { c in
            var price = QotStockFilter_BaseFilter()
            price.fieldName = 3
            price.sortDir = 2
            c.baseFilterList = [price]
        }
        XCTAssertEqual(page.s2C.dataList.count, 3)
        XCTAssertFalse(page.s2C.lastPage)
        let all = try filter(h, conn) { c in
            var price = QotStockFilter_BaseFilter()
            price.fieldName = 3
            price.sortDir = 2
            c.baseFilterList = [price]
        }
        XCTAssertEqual(page.s2C.dataList.map(\.security.code), all.s2C.dataList.dropFirst(2).prefix(3).map(\.security.code))
    }

    func testStockFilterFinancialsAreFixedBySeedAndPlausible() throws {
        func currentRatios(seed: UInt64) throws -> [String: Double] {
            let h = try harness(seed: seed)
            let conn = try h.connect()
            let r = try filter(h, conn, market: .us) { c in
                var f = QotStockFilter_FinancialFilter()
                f.fieldName = 20
                f.quarter = 1
                c.financialFilterList = [f]
            }
            XCTAssertEqual(r.retType, 0, r.retMsg)
            return Dictionary(uniqueKeysWithValues: r.s2C.dataList.map { ($0.security.code, $0.financialDataList[0].value) })
        }
        let a = try currentRatios(seed: 5), b = try currentRatios(seed: 5), c = try currentRatios(seed: 6)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertTrue(a.values.allSatisfy { (20...300).contains($0) }, "\(a)")
        XCTAssertNil(a["SPY"], "ETFs are not in the stock filter")
    }

    func testStockFilterRefusesWhatOpenDRefuses() throws {
        let h = try harness()
        let conn = try h.connect()
        let tooMany = try filter(h, conn, num: 201) { _ in }
        XCTAssertEqual(tooMany.retType, -1)
        let twoSorts = try filter(h, conn) { c in
            var a = QotStockFilter_BaseFilter(), b = QotStockFilter_BaseFilter()
            a.fieldName = 3
            a.sortDir = 1
            b.fieldName = 11
            b.sortDir = 2
            c.baseFilterList = [a, b]
        }
        XCTAssertEqual(twoSorts.retType, -1)
        XCTAssertTrue(twoSorts.retMsg.contains("sort"), twoSorts.retMsg)
    }

    func testTradingDaysAreTheWeekdays() throws {
        let h = try harness()
        let conn = try h.connect()
        var c2s = QotRequestTradeDate_C2S()
        c2s.market = 1
        c2s.beginTime = "2026-11-27"
        c2s.endTime = "2026-12-03"
        let (r, _) = try h.send(QotRequestTradeDate_Request.self, c2s, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        XCTAssertEqual(r.s2C.tradeDateList.map(\.time), ["2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"])
        c2s.beginTime = "2026-12-03"
        c2s.endTime = "2026-11-27"
        XCTAssertEqual(try h.send(QotRequestTradeDate_Request.self, c2s, on: conn).0.retType, -1)
    }

    func testWatchlistGroupsAreKeptInTheLedger() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-watch-\(UUID().uuidString)").path
        do {
            let h = try harness(directory: directory)
            let conn = try h.connect()
            var add = QotModifyUserSecurity_C2S()
            add.groupName = "Swing"
            add.op = 1
            add.securityList = ["US.NVDA", "HK.01810"].map { Wire.security(try! SecurityCode(parsing: $0)) }
            XCTAssertEqual(try h.send(QotModifyUserSecurity_Request.self, add, on: conn).0.retType, 0)
            var system = add
            system.groupName = "港股"
            let refused = try h.send(QotModifyUserSecurity_Request.self, system, on: conn).0
            XCTAssertEqual(refused.retType, -1)
            h.core.close()
        }
        let again = try harness(directory: directory)
        let conn = try again.connect()
        var get = QotGetUserSecurity_C2S()
        get.groupName = "Swing"
        let (r, _) = try again.send(QotGetUserSecurity_Request.self, get, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        XCTAssertEqual(r.s2C.staticInfoList.map(\.basic.security.code), ["NVDA", "01810"])
        get.groupName = "港股"
        let hk = try again.send(QotGetUserSecurity_Request.self, get, on: conn).0
        XCTAssertTrue(hk.s2C.staticInfoList.allSatisfy { $0.basic.security.market == Market.hk.qotMarket })
        XCTAssertTrue(hk.s2C.staticInfoList.contains { $0.basic.security.code == "01810" })
    }

    func testAPriceReminderPushesOnceWhenItsConditionStartsToHold() throws {
        let h = try harness()
        let conn = try h.connect()
        let last = h.market("HK.00700").last
        var set = QotSetPriceReminder_C2S()
        set.security = Wire.security(try SecurityCode(parsing: "HK.00700"))
        set.op = 1
        set.type = 1
        set.freq = 1
        set.value = Price(micros: last.micros / 2).wireValue
        set.note = "half"
        let (r, _) = try h.send(QotSetPriceReminder_Request.self, set, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        let pushes = h.core.step(3).filter { $0.frame.protoID == ProtoID.qotUpdatePriceReminder.rawValue }
        XCTAssertEqual(pushes.count, 1, "an always-on reminder fires when its condition starts to hold, not on every update")
        let push: QotUpdatePriceReminder_Response = try pushes[0].frame.decode()
        XCTAssertEqual(push.s2C.key, r.s2C.key)
        XCTAssertEqual(push.s2C.note, "half")
        XCTAssertEqual(push.s2C.security.code, "00700")
        XCTAssertGreaterThanOrEqual(Price(wire: push.s2C.curValue), Price(wire: push.s2C.setValue))
        XCTAssertEqual(pushes[0].connection, conn)
        // A reminder far away stays silent.
        set.value = Price(micros: last.micros * 3).wireValue
        XCTAssertEqual(try h.send(QotSetPriceReminder_Request.self, set, on: conn).0.retType, 0)
        XCTAssertTrue(h.core.step(5).allSatisfy { $0.frame.protoID != ProtoID.qotUpdatePriceReminder.rawValue })
    }

    func testCancelAllWorksForRealAccountsAndIsRefusedForPaperOnes() throws {
        let h = try harness(rate: 0, real: true)
        let conn = try h.connect()
        var modify = TrdModifyOrder_C2S()
        var p = Common_PacketID()
        p.connID = conn
        p.serialNo = 77
        modify.packetID = p
        modify.header = CoreHarness.header(10_001)
        modify.orderID = 0
        modify.modifyOrderOp = 2
        modify.forAll = true
        let refused = try h.send(TrdModifyOrder_Request.self, modify, on: conn).0
        XCTAssertEqual(refused.retType, -1)
        XCTAssertTrue(refused.retMsg.contains("模拟交易以及 A 股通账户暂不支持全部撤单"), refused.retMsg)
    }

    func testAnUnservedProtocolGetsAnErrorReply() throws {
        let h = try harness()
        let conn = try h.connect()
        // Qot_GetIpoList (3217): not served by the simulator.
        let frame = Frame(protoID: 3217, serial: 5, body: ByteBuffer(bytes: [0x0A, 0x02, 0x08, 0x01]))
        let out = h.core.handle(frame, from: conn)
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual(out[0].frame.serial, 5)
        XCTAssertEqual(out[0].frame.protoID, 3217)
        let reply: GetGlobalState_Response = try out[0].frame.decode()
        XCTAssertEqual(reply.retType, -1)
        XCTAssertTrue(reply.retMsg.contains("Unsupported protocol 3217"), reply.retMsg)
    }
}
