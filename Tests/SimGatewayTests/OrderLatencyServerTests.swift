import Foundation
import OpenDClient
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// The broker latency on a real socket: the acknowledgement is scheduled on the event loop, so
/// other connections are answered while a trade write is in flight.
final class OrderLatencyServerTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-latency-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    func testOtherConnectionsAreServedWhileAnOrderIsAtTheBroker() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.rate = 0
        config.orderLatency = 0.4
        let server = try await SimServer.start(config)
        let endpoint = OpenDEndpoint(host: server.host, port: server.port)
        let trader = OpenDConnection(configuration: ConnectionConfiguration(endpoint: endpoint))
        let reader = OpenDConnection(configuration: ConnectionConfiguration(endpoint: endpoint))
        do {
            try await trader.start()
            try await reader.start()
            var place = TrdPlaceOrder_C2S()
            place.packetID = Common_PacketID()
            place.header = CoreHarness.header(10_001)
            place.trdSide = 1
            place.orderType = 1
            place.code = "00700"
            place.secMarket = 1
            place.qty = 100
            place.price = 400
            let request = place
            let clock = ContinuousClock()
            let start = clock.now
            let placing = Task { () -> (TrdPlaceOrder_S2C, Duration) in
                let s2c = try await trader.request(TrdPlaceOrder_Request(c2s: request))
                return (s2c, clock.now - start)
            }
            var snap = QotGetSecuritySnapshot_C2S()
            snap.securityList = [Wire.security(try SecurityCode(parsing: "HK.00700"))]
            _ = try await reader.request(QotGetSecuritySnapshot_Request(c2s: snap))
            let snapshotTook = clock.now - start
            let (placed, placeTook) = try await placing.value
            XCTAssertGreaterThan(placed.orderID, 0)
            XCTAssertGreaterThanOrEqual(placeTook, .milliseconds(400), "acknowledged before the broker latency")
            XCTAssertLessThan(snapshotTook, placeTook, "a query on another connection waited for the order's round trip")
        } catch {
            XCTFail("session failed: \(error)")
        }
        await trader.shutdown()
        await reader.shutdown()
        try await server.shutdown()
    }
}
