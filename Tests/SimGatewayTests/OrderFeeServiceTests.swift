import Foundation
import OpenDClient
import OpenDProtocol
import TradingKit
import XCTest
@testable import SimGateway

/// Trd_GetOrderFee end to end: mootui's client asks the sim over loopback. REAL paper accounts
/// report what the broker charged, itemised; SIMULATE accounts are refused as OpenD refuses them.
final class OrderFeeServiceTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-fee-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    func testRealOrderFeesAreItemisedAndMatchTheCashChargedWhileSimulateIsRefused() async throws {
        var config = SimConfiguration()
        config.dataDirectory = directory
        config.rate = 0
        config.withRealAccounts = true
        config.tradePasswordMD5 = MD5.hex(of: Array("123456".utf8))
        let server = try await SimServer.start(config)
        let client = OpenDClient(connection: OpenDConnection(
            configuration: ConnectionConfiguration(endpoint: OpenDEndpoint(host: server.host, port: server.port))))
        do {
            try await client.start()
            let accounts = try await client.accounts()
            let real = try XCTUnwrap(accounts.first { $0.environment == .real && $0.markets.contains(1) })
            let paper = try XCTUnwrap(accounts.first { $0.environment == .simulate && $0.markets.contains(1) })
            try await client.unlockTrade(passwordMD5: config.tradePasswordMD5!)
            let code = try SecurityCode(parsing: "HK.00700")
            let cashBefore = try await client.funds(real).cash
            let id = try await client.placeOrder(real, OrderRequest(code: code, side: .buy, type: .market, price: .zero,
                                                                    quantity: 200))
            let orders = try await client.orders(real)
            let order = try XCTUnwrap(orders.first { $0.id == id })
            XCTAssertEqual(order.filledQuantity, 200, "a market order on the always-open sim fills at once")

            let reports = try await client.orderFees(real, orderIDs: [id])
            XCTAssertEqual(reports.map(\.orderID), [id])
            let fees = try XCTUnwrap(reports.first?.fees)
            XCTAssertEqual(fees.items.map(\.title), ["Commission", "Platform fee", "Stamp duty", "SFC levy", "AFRC levy",
                                                     "Trading fee", "Settlement fee"])
            XCTAssertEqual(fees.items[1].amount, Price(units: 15), "platform fee once per order")
            // The fills' exact value from the fill list, then the schedule's fees on it.
            let fills = try await client.fills(real).filter { $0.orderID == id }
            let value = fills.reduce(Price.zero) { $0 + $1.price.notional($1.quantity) }
            let expected = FeeScheduleFile.builtin.fees(market: .hk, side: .buy,
                                                        fill: FilledAmount(quantity: 200, value: value))
            XCTAssertEqual(fees, expected)
            let cashAfter = try await client.funds(real).cash
            XCTAssertEqual(cashBefore - cashAfter, value + fees.total, "cash paid the fills and exactly these fees")

            do {
                _ = try await client.orderFees(paper, orderIDs: [id])
                XCTFail("SIMULATE accounts cannot query fees")
            } catch {
                XCTAssertTrue("\(error)".contains("SIMULATE"), "\(error)")
            }
            do {
                _ = try await client.orderFees(real, orderIDs: ["999"])
                XCTFail("an unknown order is an error")
            } catch {
                XCTAssertTrue("\(error)".contains("999"), "\(error)")
            }
        } catch {
            XCTFail("session failed: \(error)")
        }
        await client.shutdown()
        try await server.shutdown()
    }
}
