import Foundation
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// The paper broker's round trip: trade writes are answered after the configured latency on the
/// injected clock (never before it), queries at once, and an asynchronous burst still breaks
/// OpenD's documented spacing.
final class OrderLatencyTests: XCTestCase {
    private var harnesses: [CoreHarness] = []

    override func tearDown() {
        for h in harnesses { h.core.close(); h.removeData() }
        harnesses = []
    }

    private func harness(latency: TimeInterval) throws -> CoreHarness {
        let h = try CoreHarness(rate: 0, orderLatency: latency)
        harnesses.append(h)
        return h
    }

    private func placeFrame(_ h: CoreHarness, conn: UInt64, serial: UInt32, price: Double = 400) throws -> Frame {
        var c2s = TrdPlaceOrder_C2S()
        var p = Common_PacketID()
        p.connID = conn
        p.serialNo = serial
        c2s.packetID = p
        c2s.header = CoreHarness.header(10_001)
        c2s.trdSide = 1
        c2s.orderType = 1
        c2s.code = "00700"
        c2s.secMarket = 1
        c2s.qty = 100
        c2s.price = price
        return try Frame(protoID: .trdPlaceOrder, serial: serial, message: TrdPlaceOrder_Request(c2s: c2s))
    }

    private func answers<R: OpenDResponse>(_ out: [Outgoing], _ type: R.Type, conn: UInt64) throws -> [UInt32: R] {
        var found: [UInt32: R] = [:]
        for o in out where o.connection == conn && o.frame.protoID == R.protoID.rawValue {
            found[o.frame.serial] = try o.frame.decode()
        }
        return found
    }

    func testPlaceIsAnsweredOnlyOnceTheLatencyHasPassed() throws {
        let h = try harness(latency: 0.04)
        let conn = try h.connect()
        XCTAssertTrue(h.core.handle(try placeFrame(h, conn: conn, serial: 7), from: conn).isEmpty,
                      "a trade write must not be answered in the request's own turn")
        XCTAssertEqual(h.scheduler.pendingCount, 1)
        h.clock.advance(by: 0.039)
        XCTAssertEqual(h.scheduler.runDue(), 0)
        XCTAssertTrue(h.delivered.take().isEmpty, "answered before the broker latency")
        h.clock.advance(by: 0.001)
        XCTAssertEqual(h.scheduler.runDue(), 1)
        let out = h.delivered.take()
        let placed = try XCTUnwrap(answers(out, TrdPlaceOrder_Response.self, conn: conn)[7])
        XCTAssertEqual(placed.retType, 0, placed.retMsg)
        let order = try XCTUnwrap(h.core.lock.withLock { h.core.broker.orders[placed.s2C.orderID] })
        // The broker stamps the order when it handles it: the latency after the request.
        XCTAssertEqual(order.createStamp, h.clock.now().timeIntervalSince1970, accuracy: 1e-6)
    }

    func testQueriesStayInstantWhileAnOrderIsInFlight() throws {
        let h = try harness(latency: 0.04)
        let conn = try h.connect()
        _ = h.core.handle(try placeFrame(h, conn: conn, serial: 9), from: conn)
        var funds = TrdGetFunds_C2S()
        funds.header = CoreHarness.header(10_001)
        let (r, _) = try h.send(TrdGetFunds_Request.self, funds, on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        XCTAssertEqual(r.s2C.funds.frozenCash, 0, "the order is not at the broker yet")
        XCTAssertEqual(h.scheduler.pendingCount, 1)
    }

    func testSynchronousCallsKeepTheSpacingButAnAsyncBurstIsRefused() throws {
        let h = try harness(latency: 0.04)
        let conn = try h.connect()
        // Synchronous: each request is sent once the previous answer has arrived.
        for serial: UInt32 in [20, 21, 22] {
            _ = h.core.handle(try placeFrame(h, conn: conn, serial: serial), from: conn)
            h.clock.advance(by: 0.04)
            h.scheduler.runDue()
            let r = try XCTUnwrap(answers(h.delivered.take(), TrdPlaceOrder_Response.self, conn: conn)[serial])
            XCTAssertEqual(r.retType, 0, r.retMsg)
        }
        // Asynchronous: two requests sent back to back reach the broker together.
        _ = h.core.handle(try placeFrame(h, conn: conn, serial: 30), from: conn)
        _ = h.core.handle(try placeFrame(h, conn: conn, serial: 31), from: conn)
        h.clock.advance(by: 0.04)
        XCTAssertEqual(h.scheduler.runDue(), 2)
        let burst = try answers(h.delivered.take(), TrdPlaceOrder_Response.self, conn: conn)
        XCTAssertEqual(burst[30]?.retType, 0, burst[30]?.retMsg ?? "no answer")
        XCTAssertEqual(burst[31]?.retType, -1)
        XCTAssertTrue(burst[31]?.retMsg.contains("too frequent") == true, burst[31]?.retMsg ?? "no answer")
    }

    func testZeroLatencyAnswersAtOnce() throws {
        let h = try harness(latency: 0)
        let conn = try h.connect()
        let out = h.core.handle(try placeFrame(h, conn: conn, serial: 5), from: conn)
        XCTAssertEqual(try answers(out, TrdPlaceOrder_Response.self, conn: conn)[5]?.retType, 0)
        XCTAssertEqual(h.scheduler.pendingCount, 0)
    }
}
