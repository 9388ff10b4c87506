import Foundation
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// OpenD's rules as the gateway enforces them: handshake first, quota, the 60-s unsubscribe
/// rule, Get* only when subscribed, first push, rate limits, PacketID replay and trade pushes.
final class GatewayRulesTests: XCTestCase {
    private var harnesses: [CoreHarness] = []

    private func harness(quota: Int = 100, real: Bool = false, md5: String? = nil) throws -> CoreHarness {
        let h = try CoreHarness(quota: quota, withRealAccounts: real, passwordMD5: md5)
        harnesses.append(h)
        return h
    }

    override func tearDown() {
        for h in harnesses { h.core.close(); h.removeData() }
        harnesses = []
    }

    func testRequestsBeforeInitConnectAreRefused() throws {
        let h = try harness()
        let conn = try XCTUnwrap(h.core.connect())
        var c2s = GetGlobalState_C2S()
        c2s.userID = 0
        let (r, _) = try h.send(GetGlobalState_Request.self, c2s, on: conn)
        XCTAssertEqual(r.retType, -1)
        XCTAssertTrue(r.retMsg.contains("InitConnect"), r.retMsg)
    }

    func testInitConnectGivesDistinctConnectionIDsAndRequiredFields() throws {
        let h = try harness()
        let a = try h.connect(), b = try h.connect()
        XCTAssertNotEqual(a, b)
        var c2s = GetGlobalState_C2S()
        c2s.userID = 0
        let (r, _) = try h.send(GetGlobalState_Request.self, c2s, on: a)
        XCTAssertEqual(r.retType, 0)
        XCTAssertTrue(r.isInitialized)
        XCTAssertEqual(r.s2C.connID, a)
        XCTAssertEqual(r.s2C.marketHk, MarketState.morning.wireValue)
    }

    func testSilentClientsAreDroppedAndNotifyFollowsRecvNotify() throws {
        let h = try harness()
        let quiet = try h.connect()
        let chatty = try XCTUnwrap(h.core.connect())
        var c2s = InitConnect_C2S()
        c2s.clientVer = 300
        c2s.clientID = "notify"
        c2s.recvNotify = true
        let (r, notes) = try h.send(InitConnect_Request.self, c2s, on: chatty)
        XCTAssertEqual(r.retType, 0)
        XCTAssertEqual(notes.map(\.frame.protoID), [ProtoID.notify.rawValue, ProtoID.notify.rawValue])
        let quota: Notify_Response = try notes[1].frame.decode()
        XCTAssertEqual(quota.s2C.apiQuota.subQuota, 100)
        XCTAssertTrue(try h.subscribe(["HK.00700"], [1], on: quiet).1.allSatisfy { $0.frame.protoID != ProtoID.notify.rawValue })
        h.clock.advance(by: 25)
        var keepAlive = KeepAlive_C2S()
        keepAlive.time = 1
        XCTAssertEqual(try h.send(KeepAlive_Request.self, keepAlive, on: chatty).0.retType, 0)
        XCTAssertEqual(h.core.silentConnections(), [])
        h.clock.advance(by: 10)
        XCTAssertEqual(h.core.silentConnections(), [quiet], "30 s without a keep-alive (interval 10) is too long")
    }

    func testAtMost128Connections() throws {
        let h = try harness()
        let ids = (0..<128).compactMap { _ in h.core.connect() }
        XCTAssertEqual(Set(ids).count, 128)
        XCTAssertNil(h.core.connect())
        h.core.disconnect(ids[0])
        XCTAssertNotNil(h.core.connect())
    }

    func testQuotaIsEnforcedAndReported() throws {
        let h = try harness(quota: 3)
        let conn = try h.connect()
        let (over, _) = try h.subscribe(["HK.00700", "HK.09988"], [1, 2], on: conn)
        XCTAssertEqual(over.retType, -1)
        XCTAssertTrue(over.retMsg.contains("quota"), over.retMsg)
        let (ok, pushes) = try h.subscribe(["HK.00700", "HK.09988", "US.AAPL"], [1], on: conn)
        XCTAssertEqual(ok.retType, 0, ok.retMsg)
        XCTAssertEqual(pushes.filter { $0.frame.protoID == ProtoID.qotUpdateBasicQot.rawValue }.count, 3, "one first push each")
        // Another connection sharing a pair costs nothing more.
        let other = try h.connect()
        XCTAssertEqual(try h.subscribe(["US.AAPL"], [1], on: other).0.retType, 0)
        var info = QotGetSubInfo_C2S()
        info.isReqAllConn = true
        let (sub, _) = try h.send(QotGetSubInfo_Request.self, info, on: conn)
        XCTAssertEqual(sub.s2C.totalUsedQuota, 3)
        XCTAssertEqual(sub.s2C.remainQuota, 0)
    }

    func testUnsubscribeOnlyAfterOneMinute() throws {
        let h = try harness()
        let conn = try h.connect()
        _ = try h.subscribe(["HK.00700"], [1], on: conn)
        var c2s = QotSub_C2S()
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
        c2s.subTypeList = [1]
        c2s.isSubOrUnSub = false
        h.clock.advance(by: 59)
        let (early, _) = try h.send(QotSub_Request.self, c2s, on: conn)
        XCTAssertEqual(early.retType, -1)
        XCTAssertTrue(early.retMsg.contains("1 minute"), early.retMsg)
        h.clock.advance(by: 2)
        let (late, _) = try h.send(QotSub_Request.self, c2s, on: conn)
        XCTAssertEqual(late.retType, 0, late.retMsg)
        XCTAssertTrue(h.core.step().isEmpty, "no pushes after unsubscribing")
    }

    func testClosedConnectionKeepsQuotaUntilItsMinuteIsUp() throws {
        let h = try harness(quota: 1)
        let conn = try h.connect()
        _ = try h.subscribe(["HK.00700"], [1], on: conn)
        h.core.disconnect(conn)
        let other = try h.connect()
        XCTAssertEqual(try h.subscribe(["US.AAPL"], [1], on: other).0.retType, -1)
        h.clock.advance(by: 61)
        _ = h.core.advanceToNow()
        XCTAssertEqual(try h.subscribe(["US.AAPL"], [1], on: other).0.retType, 0)
    }

    func testGetCallsNeedASubscription() throws {
        let h = try harness()
        let conn = try h.connect()
        var c2s = QotGetOrderBook_C2S()
        c2s.security = Wire.security(try SecurityCode(parsing: "HK.00700"))
        c2s.num = 10
        let (before, _) = try h.send(QotGetOrderBook_Request.self, c2s, on: conn)
        XCTAssertEqual(before.retType, -1)
        XCTAssertTrue(before.retMsg.contains("subscribe"), before.retMsg)
        _ = try h.subscribe(["HK.00700"], [2], on: conn)
        let (after, _) = try h.send(QotGetOrderBook_Request.self, c2s, on: conn)
        XCTAssertEqual(after.retType, 0)
        XCTAssertEqual(after.s2C.orderBookAskList.count, 10)
        XCTAssertLessThan(after.s2C.orderBookBidList[0].price, after.s2C.orderBookAskList[0].price)
    }

    func testPushesGoOnlyToRegisteredConnections() throws {
        let h = try harness()
        let registered = try h.connect(), silent = try h.connect()
        _ = try h.subscribe(["HK.00700"], [1, 4], on: registered)
        var c2s = QotSub_C2S()
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
        c2s.subTypeList = [1]
        c2s.isSubOrUnSub = true
        c2s.isRegOrUnRegPush = false
        XCTAssertEqual(try h.send(QotSub_Request.self, c2s, on: silent).0.retType, 0)
        let out = h.core.step(3)
        XCTAssertEqual(Set(out.map(\.connection)), [registered])
        XCTAssertEqual(out.count, 6)
        XCTAssertEqual(Set(out.map(\.frame.protoID)), [ProtoID.qotUpdateBasicQot.rawValue, ProtoID.qotUpdateTicker.rawValue])
    }

    func testSnapshotRateLimitSlidesOverThirtySeconds() throws {
        let h = try harness()
        let conn = try h.connect()
        var c2s = QotGetSecuritySnapshot_C2S()
        c2s.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
        for _ in 0..<60 { XCTAssertEqual(try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn).0.retType, 0) }
        let (limited, _) = try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn)
        XCTAssertEqual(limited.retType, -1)
        XCTAssertTrue(limited.retMsg.contains("at most 60"), limited.retMsg)
        h.clock.advance(by: 30.5)
        XCTAssertEqual(try h.send(QotGetSecuritySnapshot_Request.self, c2s, on: conn).0.retType, 0)
    }

    func testPlaceOrderSpacingAndWindow() throws {
        let h = try harness()
        let conn = try h.connect()
        let bid = h.market("HK.00700").bids[0].price
        let rules = h.market("HK.00700").instrument.tickRules
        let price = rules.step(bid, by: -30).wireValue
        XCTAssertEqual(try h.place("HK.00700", qty: 100, price: price, on: conn).0.retType, 0)
        let (tooSoon, _) = try h.place("HK.00700", qty: 100, price: price, on: conn)
        XCTAssertEqual(tooSoon.retType, -1)
        XCTAssertTrue(tooSoon.retMsg.contains("20 ms"), tooSoon.retMsg)
        for _ in 0..<14 {
            h.clock.advance(by: 0.05)
            XCTAssertEqual(try h.place("HK.00700", qty: 100, price: price, on: conn).0.retType, 0)
        }
        h.clock.advance(by: 0.05)
        let (windowFull, _) = try h.place("HK.00700", qty: 100, price: price, on: conn)
        XCTAssertTrue(windowFull.retMsg.contains("at most 15"), windowFull.retMsg)
    }

    func testRepeatedPacketIDReturnsTheFirstResultAndPlacesOnce() throws {
        let h = try harness()
        let conn = try h.connect()
        let price = h.market("HK.00700").instrument.tickRules.step(h.market("HK.00700").bids[0].price, by: -30).wireValue
        let (first, _) = try h.place("HK.00700", qty: 100, price: price, packet: 77, on: conn)
        h.clock.advance(by: 1)
        let (again, _) = try h.place("HK.00700", qty: 100, price: price, packet: 77, on: conn)
        XCTAssertEqual(first.retType, 0)
        XCTAssertEqual(again, first)
        XCTAssertEqual(h.core.lock.withLock { h.core.broker.orders.count }, 1)
    }

    func testOrderPushesFollowSubAccPushAndFillPushesAreRealOnly() throws {
        let h = try harness(real: true, md5: "e10adc3949ba59abbe56e057f20f883e")
        let watcher = try h.connect(), bystander = try h.connect()
        var sub = TrdSubAccPush_C2S()
        sub.accIdlist = [10_001, 281_756_455_551_001]
        XCTAssertEqual(try h.send(TrdSubAccPush_Request.self, sub, on: watcher).0.retType, 0)
        let ask = h.market("HK.00700").asks[0]
        let qty = min(ask.volume, 800)  // within the paper account's cash
        let (placed, pushes) = try h.place("HK.00700", qty: Double(qty), price: ask.price.wireValue, on: bystander)
        XCTAssertEqual(placed.retType, 0, placed.retMsg)
        XCTAssertEqual(Set(pushes.map(\.connection)), [watcher])
        XCTAssertEqual(Set(pushes.map(\.frame.protoID)), [ProtoID.trdUpdateOrder.rawValue], "no fill pushes for SIMULATE")
        let last: TrdUpdateOrder_Response = try XCTUnwrap(pushes.last).frame.decode()
        XCTAssertEqual(last.s2C.order.orderStatus, OrderStatus.filled.rawValue)
        XCTAssertEqual(last.s2C.order.fillQty, Double(qty))

        var unlock = TrdUnlockTrade_C2S()
        unlock.unlock = true
        unlock.pwdMd5 = "00000000000000000000000000000000"
        XCTAssertEqual(try h.send(TrdUnlockTrade_Request.self, unlock, on: bystander).0.retType, -1)
        unlock.pwdMd5 = "E10ADC3949BA59ABBE56E057F20F883E"
        XCTAssertEqual(try h.send(TrdUnlockTrade_Request.self, unlock, on: bystander).0.retType, 0)
        h.clock.advance(by: 1)
        let ask2 = h.market("HK.00700").asks[0]
        let qty2 = min(ask2.volume, 800)
        let (real, realPushes) = try h.place("HK.00700", qty: Double(qty2), price: ask2.price.wireValue,
                                             account: 281_756_455_551_001, env: 1, on: bystander)
        XCTAssertEqual(real.retType, 0, real.retMsg)
        let fillPushes = realPushes.filter { $0.frame.protoID == ProtoID.trdUpdateOrderFill.rawValue }
        XCTAssertEqual(fillPushes.count, 1)
        let fill: TrdUpdateOrderFill_Response = try XCTUnwrap(fillPushes.first).frame.decode()
        XCTAssertEqual(fill.s2C.orderFill.qty, Double(qty2))
        XCTAssertEqual(Price(wire: fill.s2C.orderFill.price), ask2.price)
    }

    func testSimulateAccountsRefuseFillQueriesAndOtherOrderTypes() throws {
        let h = try harness()
        let conn = try h.connect()
        var fills = TrdGetOrderFillList_C2S()
        fills.header = CoreHarness.header(10_001)
        let (r, _) = try h.send(TrdGetOrderFillList_Request.self, fills, on: conn)
        XCTAssertEqual(r.retType, -1)
        XCTAssertTrue(r.retMsg.contains("SIMULATE"))
        var c2s = TrdPlaceOrder_C2S()
        var p = Common_PacketID()
        p.connID = conn
        p.serialNo = 5
        c2s.packetID = p
        c2s.header = CoreHarness.header(10_001)
        c2s.trdSide = 1
        c2s.orderType = 3  // stop
        c2s.code = "00700"
        c2s.secMarket = 1
        c2s.qty = 100
        c2s.price = 400
        let (stop, _) = try h.send(TrdPlaceOrder_Request.self, c2s, on: conn)
        XCTAssertEqual(stop.retType, -1)
        XCTAssertTrue(stop.retMsg.contains("MARKET"), stop.retMsg)
    }
}

/// Found by suite 12-sdk-calls: a threshold of 248.7 came back as 248.699 (floored in binary).
final class ReminderValueTests: XCTestCase {
    func testAValueOnTheStepIsKeptAndOthersAreFloored() {
        XCTAssertEqual(GatewayCore.reminderValue(248.7, type: 1, market: .hk), 248.7, accuracy: 1e-9)
        XCTAssertEqual(GatewayCore.reminderValue(248.7004, type: 1, market: .hk), 248.7, accuracy: 1e-9)
        XCTAssertEqual(GatewayCore.reminderValue(248.6996, type: 1, market: .hk), 248.699, accuracy: 1e-9)
        XCTAssertEqual(GatewayCore.reminderValue(12_345, type: 8, market: .hk), 12_340, accuracy: 1e-9)
    }
}
