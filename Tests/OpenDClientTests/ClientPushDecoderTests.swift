import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// Push frames of every kind the client handles, decoded to ``ClientEvent``s without a socket.
final class ClientPushDecoderTests: XCTestCase {
    private func frame(_ proto: ProtoID, _ response: some OpenDResponse) throws -> Frame {
        let bytes: [UInt8] = try response.serializedBytes(partial: true)
        return Frame(protoID: proto.rawValue, serial: 0, body: ByteBuffer(bytes: bytes))
    }

    private func events(_ frame: Frame) throws -> [ClientEvent] {
        var out: [ClientEvent] = []
        try PushDecoder().decode(frame) { out.append($0) }
        return out
    }

    func testFillPushCarriesTheAccountFromItsHeader() throws {
        var s2c = TrdUpdateOrderFill_S2C()
        s2c.header.trdEnv = 1
        s2c.header.accID = 281_756_420_273_981_734
        s2c.header.trdMarket = 4
        s2c.orderFill.trdSide = 1
        s2c.orderFill.fillID = 9_007_199_254_740_993
        s2c.orderFill.fillIdex = "f-1"
        s2c.orderFill.orderIdex = "o-7"
        s2c.orderFill.code = "600519"
        s2c.orderFill.name = "贵州茅台"
        s2c.orderFill.qty = 100
        s2c.orderFill.price = 1680.01
        s2c.orderFill.createTime = "2026-11-27 10:00:01"
        // No secMarket: inferred from HKCC + the Shanghai prefix.
        let out = try events(frame(.trdUpdateOrderFill, TrdUpdateOrderFill_Response.success(s2c)))
        guard out.count == 1, case .fill(let fill) = out[0] else { return XCTFail("\(out)") }
        XCTAssertEqual(fill.accountID, 281_756_420_273_981_734)
        XCTAssertEqual(fill.id, 9_007_199_254_740_993)
        XCTAssertEqual(fill.orderID, "o-7")
        XCTAssertEqual(fill.code, SecurityCode(market: .sh, symbol: "600519"))
        XCTAssertEqual(fill.price, Price("1680.01"))
        XCTAssertEqual(fill.quantity, 100)
    }

    func testQuotePushWithSeveralQuotesGivesOneEventEach() throws {
        var s2c = QotUpdateBasicQot_S2C()
        for (market, code, price) in [(Market.hk, "00700", 359.6), (.us, "AAPL", 231.45)] {
            var q = QotCommon_BasicQot()
            q.security = SecurityCode(market: market, symbol: code).wireSecurity
            q.curPrice = price
            s2c.basicQotList.append(q)
        }
        let out = try events(frame(.qotUpdateBasicQot, QotUpdateBasicQot_Response.success(s2c)))
        let lasts = out.compactMap { event -> Price? in
            if case .quote(let q) = event { return q.last } else { return nil }
        }
        XCTAssertEqual(lasts, [Price("359.6")!, Price("231.45")!])
    }

    func testTickerPush() throws {
        var s2c = QotUpdateTicker_S2C()
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        var t = QotCommon_Ticker()
        t.sequence = 7_000_000_000_000_000_123
        t.dir = 1
        t.price = 359.8
        t.volume = 300
        s2c.tickerList = [t]
        let out = try events(frame(.qotUpdateTicker, QotUpdateTicker_Response.success(s2c)))
        guard out.count == 1, case .ticks(let code, let ticks) = out[0] else { return XCTFail("\(out)") }
        XCTAssertEqual(code.description, "HK.00700")
        XCTAssertEqual(ticks.map(\.sequence), [7_000_000_000_000_000_123])
        XCTAssertEqual(ticks.first?.direction, .buy)
    }

    func testNotifyAndUnsupportedKLinePeriodBecomeNotices() throws {
        var notify = Notify_S2C()
        notify.type = 3
        notify.connectStatus.qotLogined = true
        notify.connectStatus.trdLogined = false
        var kl = QotUpdateKL_S2C()
        kl.rehabType = 1
        kl.klType = 5  // yearly bars: not a mootui period
        kl.security = SecurityCode(market: .us, symbol: "AAPL").wireSecurity
        let out =
            try events(frame(.notify, Notify_Response.success(notify)))
            + events(frame(.qotUpdateKL, QotUpdateKL_Response.success(kl)))
        let notices = out.compactMap { event -> String? in
            if case .notice(let text) = event { return text } else { return nil }
        }
        XCTAssertEqual(notices.count, 2)
        XCTAssertEqual(notices[0], "OpenD backend: quotes up, trading DOWN")
        XCTAssertTrue(notices[1].contains("US.AAPL") && notices[1].contains("5"), notices[1])
    }

    func testFailedPushesAndRepliesAreIgnoredAndBadBodiesThrow() throws {
        XCTAssertTrue(try events(frame(.qotUpdateTicker, QotUpdateTicker_Response.failure("no right"))).isEmpty)
        XCTAssertTrue(try events(frame(.qotGetBasicQot, QotGetBasicQot_Response.success(QotGetBasicQot_S2C()))).isEmpty)
        let garbage = Frame(protoID: ProtoID.trdUpdateOrder.rawValue, serial: 0, body: ByteBuffer(bytes: [0xFF, 0xFF]))
        XCTAssertThrowsError(try events(garbage)) { error in
            guard case .malformedBody = error as? FrameError else { return XCTFail("\(error)") }
        }
        var order = TrdUpdateOrder_S2C()
        order.order.trdSide = 0
        XCTAssertThrowsError(try events(frame(.trdUpdateOrder, TrdUpdateOrder_Response.success(order))))
    }
}
