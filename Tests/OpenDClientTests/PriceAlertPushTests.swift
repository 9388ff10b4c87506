import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// The Qot_UpdatePriceReminder push (3019) becomes a ``PriceAlertTrigger`` with exact figures.
final class PriceAlertPushTests: XCTestCase {
    func testAReminderPushDecodesToATrigger() throws {
        var s2c = QotUpdatePriceReminder_S2C()
        s2c.security.market = 1
        s2c.security.code = "00700"
        s2c.name = "腾讯控股"
        s2c.price = 497.4
        s2c.changeRate = -0.48
        s2c.marketStatus = 1
        s2c.content = "腾讯控股 price fell to 9999.000"
        s2c.note = ""
        s2c.key = 41
        s2c.type = 2
        s2c.setValue = 9999
        s2c.curValue = 497.4
        let bytes: [UInt8] = try QotUpdatePriceReminder_Response.success(s2c).serializedBytes(partial: true)
        let frame = Frame(protoID: ProtoID.qotUpdatePriceReminder.rawValue, serial: 0, body: ByteBuffer(bytes: bytes))
        var out: [ClientEvent] = []
        try PushDecoder().decode(frame) { out.append($0) }
        guard out.count == 1, case .priceAlert(let t) = out[0] else { return XCTFail("\(out)") }
        XCTAssertEqual(t.code, SecurityCode(market: .hk, symbol: "00700"))
        XCTAssertEqual(t.key, 41)
        XCTAssertEqual(t.kind, .priceBelow)
        XCTAssertEqual(t.setValue, Price("9999"))
        XCTAssertEqual(t.price, Price("497.4"), "the double becomes exact at the boundary")
        XCTAssertEqual(t.content, "腾讯控股 price fell to 9999.000")
    }

    func testAReminderTypeMootuiDoesNotSetStillArrives() throws {
        var s2c = QotUpdatePriceReminder_S2C()
        s2c.security.market = 11
        s2c.security.code = "AAPL"
        s2c.content = "Apple turnover reached 1000000.000"
        s2c.note = ""
        s2c.type = 8  // turnover
        let bytes: [UInt8] = try QotUpdatePriceReminder_Response.success(s2c).serializedBytes(partial: true)
        let frame = Frame(protoID: ProtoID.qotUpdatePriceReminder.rawValue, serial: 0, body: ByteBuffer(bytes: bytes))
        var out: [ClientEvent] = []
        try PushDecoder().decode(frame) { out.append($0) }
        guard case .priceAlert(let t)? = out.first else { return XCTFail("\(out)") }
        XCTAssertNil(t.kind)
        XCTAssertEqual(t.code.market, .us)
    }
}
