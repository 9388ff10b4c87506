import Foundation
import TradingKit
import XCTest
@testable import SimGateway

/// The matching engine and book of record: fills through book levels, resting orders that the
/// market crosses, modify / cancel, tick and lot rejections, cash and positions, reload.
final class PaperBrokerTests: XCTestCase {
    private var directory = ""
    private let date = Date(timeIntervalSince1970: 1_764_223_200)
    private let tencent = try! SecurityCode(parsing: "HK.00700")

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mootui-broker-\(UUID().uuidString)").path
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private func make(real: Bool = false) throws -> (MarketSimulator, PaperBroker) {
        let market = MarketSimulator(seed: 5, hours: .always, startDate: date)
        let broker = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: real)
        return (market, broker)
    }

    private func input(_ code: SecurityCode, _ side: OrderSide, _ qty: Int64, _ price: Price, account: UInt64 = 10_001,
                       market: Int32 = 1, type: Int32 = 1) -> PlaceOrderInput {
        PlaceOrderInput(accountID: account, environment: .simulate, trdMarket: market, code: code, side: side, type: type,
                        quantity: qty, price: price, timeInForce: 0, remark: "t")
    }

    func testMarketableBuyFillsThroughLevelsAtLevelPrices() throws {
        let (market, broker) = try make()
        let book = market[tencent]!.asks
        let qty = book[0].volume + 100
        let (order, events) = try broker.place(input(tencent, .buy, qty, book[1].price), at: date)
        XCTAssertEqual(order.status, .filled)
        XCTAssertEqual(order.filledQuantity, qty)
        let fills = events.compactMap { if case let .fill(f) = $0 { return f } else { return nil } }
        XCTAssertEqual(fills.map(\.price), [book[0].price, book[1].price])
        XCTAssertEqual(fills.map(\.quantity), [book[0].volume, 100])
        let notional = book[0].price.micros * book[0].volume + book[1].price.micros * 100
        XCTAssertEqual(order.filledNotional, notional)
        XCTAssertEqual(broker.account(10_001)!.cash, PaperBroker.startingCash - Price(micros: notional))
        XCTAssertEqual(broker.position(10_001, tencent)?.quantity, qty)
        XCTAssertEqual(broker.position(10_001, tencent)?.cost, notional)
        // Liquidity taken is gone from the book until the market moves again.
        XCTAssertEqual(market[tencent]!.asks[0].price, book[1].price)
        XCTAssertEqual(market[tencent]!.asks[0].volume, book[1].volume - 100)
        // The fills are printed on the tape.
        XCTAssertEqual(market[tencent]!.tape.suffix(2).map(\.price), [book[0].price, book[1].price])
        // A buy lifting the offer is buyer-initiated: TickerDirection_Bid (1, 外盘) on the wire.
        XCTAssertEqual(market[tencent]!.tape.suffix(2).map(\.direction), [1, 1])
    }

    func testPartialFillRestsTheRemainderAndFillsWhenTheMarketCrosses() throws {
        let (market, broker) = try make()
        let ask = market[tencent]!.asks[0]
        let (order, _) = try broker.place(input(tencent, .buy, ask.volume + 1000, ask.price), at: date)
        XCTAssertEqual(order.status, .partiallyFilled)
        XCTAssertEqual(order.filledQuantity, ask.volume)
        XCTAssertTrue(broker.matchResting([tencent], at: date).isEmpty, "nothing left at the limit")
        _ = market.update(tencent) { $0.asks = [BookLevel(price: ask.price, volume: 5000, orderCount: 1)] }
        let events = broker.matchResting([tencent], at: date)
        XCTAssertFalse(events.isEmpty)
        XCTAssertEqual(broker.orders[order.id]?.status, .filled)
        XCTAssertEqual(broker.orders[order.id]?.filledQuantity, ask.volume + 1000)
    }

    func testRestingOrderWaitsUntilCrossed() throws {
        let (market, broker) = try make()
        let rules = market[tencent]!.instrument.tickRules
        let limit = rules.step(market[tencent]!.bids[0].price, by: -20)
        let (order, events) = try broker.place(input(tencent, .buy, 200, limit), at: date)
        XCTAssertEqual(order.status, .submitted)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(broker.frozenCash(10_001), limit.notional(200))
        XCTAssertTrue(broker.matchResting([tencent], at: date).isEmpty)
        _ = market.update(tencent) { $0.asks = [BookLevel(price: rules.previous(before: limit), volume: 100, orderCount: 1)] }
        _ = broker.matchResting([tencent], at: date)
        let after = broker.orders[order.id]!
        XCTAssertEqual(after.status, .partiallyFilled)
        XCTAssertEqual(after.averagePrice, rules.previous(before: limit), "a resting buy fills at the better offered price")
    }

    func testModifyAndCancel() throws {
        let (market, broker) = try make()
        let rules = market[tencent]!.instrument.tickRules
        let limit = rules.step(market[tencent]!.bids[0].price, by: -20)
        let (order, _) = try broker.place(input(tencent, .buy, 200, limit), at: date)
        let newPrice = rules.previous(before: limit)
        let (modified, _) = try broker.modify(accountID: 10_001, orderID: order.id, quantity: 300, price: newPrice, at: date)
        XCTAssertEqual(modified.quantity, 300)
        XCTAssertEqual(modified.price, newPrice)
        XCTAssertThrowsError(try broker.modify(accountID: 10_001, orderID: order.id, quantity: 250, price: nil, at: date))
        let (cancelled, _) = try broker.cancel(accountID: 10_001, orderID: order.id, at: date)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(broker.frozenCash(10_001), .zero)
        XCTAssertThrowsError(try broker.cancel(accountID: 10_001, orderID: order.id, at: date))
    }

    func testOffTickAndOddLotAreRejectedWithOpenDLikeWords() throws {
        let (_, broker) = try make()
        XCTAssertThrowsError(try broker.place(input(tencent, .buy, 100, Price("480.1")!), at: date)) { error in
            let message = (error as? BrokerRejection)?.message ?? ""
            XCTAssertTrue(message.contains("minimum unit is 0.2"), message)
        }
        XCTAssertThrowsError(try broker.place(input(tencent, .buy, 150, Price("480.2")!), at: date)) { error in
            let message = (error as? BrokerRejection)?.message ?? ""
            XCTAssertTrue(message.contains("lot size 100"), message)
        }
        let star = try SecurityCode(parsing: "SH.688981")
        XCTAssertThrowsError(try broker.place(input(star, .buy, 100, Price("80.00")!, account: 10_003, market: 3), at: date))
        XCTAssertNoThrow(try broker.place(input(star, .buy, 201, Price("80.00")!, account: 10_003, market: 3), at: date))
        XCTAssertEqual(broker.orders.count, 1, "rejected orders leave no trace")
    }

    func testSellingNeedsAPositionExceptUSShorts() throws {
        let (market, broker) = try make()
        XCTAssertThrowsError(try broker.place(input(tencent, .sell, 100, market[tencent]!.bids[0].price), at: date))
        let aapl = try SecurityCode(parsing: "US.AAPL")
        let bid = market[aapl]!.bids[0]
        let (order, _) = try broker.place(input(aapl, .sell, bid.volume, bid.price, account: 10_002, market: 2), at: date)
        XCTAssertEqual(order.status, .filled)
        XCTAssertEqual(broker.position(10_002, aapl)?.quantity, -bid.volume)
        XCTAssertEqual(broker.account(10_002)!.cash, PaperBroker.startingCash + bid.price.notional(bid.volume))
    }

    func testAbsurdQuantitiesAndPricesAreRejectedNotOverflowed() throws {
        let (market, broker) = try make()
        let aapl = try SecurityCode(parsing: "US.AAPL")
        XCTAssertThrowsError(try broker.place(input(aapl, .sell, 900_000_000_000, market[aapl]!.bids[0].price,
                                                    account: 10_002, market: 2), at: date)) { error in
            XCTAssertTrue(((error as? BrokerRejection)?.message ?? "").contains("per-order limit"))
        }
        let (order, _) = try broker.place(input(aapl, .buy, 1, Price("1.00")!, account: 10_002, market: 2), at: date)
        // 3 × ~4.6e18 micros overflows Int64: must be a rejection, not a trap.
        XCTAssertThrowsError(try broker.modify(accountID: 10_002, orderID: order.id, quantity: 3,
                                               price: Price(micros: Int64.max / 20_000 * 10_000), at: date)) { error in
            XCTAssertTrue(((error as? BrokerRejection)?.message ?? "").contains("buying power"))
        }
    }

    func testDayOrdersExpireOnTheNextTradingDay() throws {
        let (market, broker) = try make()
        let rules = market[tencent]!.instrument.tickRules
        let (order, _) = try broker.place(input(tencent, .buy, 100, rules.step(market[tencent]!.bids[0].price, by: -20)), at: date)
        try broker.commit()
        let sameDay = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: false,
                                      at: date.addingTimeInterval(3600))
        XCTAssertEqual(sameDay.orders[order.id]?.status, .submitted)
        let nextDay = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: false,
                                      at: date.addingTimeInterval(86_400))
        XCTAssertEqual(nextDay.orders[order.id]?.status, .cancelled)
        XCTAssertEqual(nextDay.frozenCash(10_001), .zero)
        let reloaded = try PaperBroker(ledger: Ledger(directory: directory), market: market, withRealAccounts: false)
        XCTAssertEqual(reloaded.orders[order.id]?.status, .cancelled, "the expiry is written to the ledger")
    }

    func testInsufficientBuyingPowerIsRejected() throws {
        let (market, broker) = try make()
        let price = market[tencent]!.bids[0].price
        XCTAssertThrowsError(try broker.place(input(tencent, .buy, 100_000, price), at: date)) { error in
            XCTAssertTrue(((error as? BrokerRejection)?.message ?? "").contains("buying power"))
        }
    }

    func testWrongMarketAndLockedRealAccountsAreRejected() throws {
        let (market, broker) = try make(real: true)
        let aapl = try SecurityCode(parsing: "US.AAPL")
        XCTAssertThrowsError(try broker.place(input(aapl, .buy, 1, market[aapl]!.asks[0].price), at: date))
        var real = input(tencent, .buy, 100, market[tencent]!.asks[0].price, account: 281_756_455_551_001)
        real.environment = .real
        XCTAssertThrowsError(try broker.place(real, at: date)) { error in
            XCTAssertTrue(((error as? BrokerRejection)?.message ?? "").contains("unlock"))
        }
        broker.isUnlocked = true
        XCTAssertEqual(try broker.place(real, at: date).0.status, .filled)
    }

    func testLedgerReloadsOrdersCashAndPositions() throws {
        let (market, broker) = try make()
        let ask = market[tencent]!.asks[0]
        let (order, _) = try broker.place(input(tencent, .buy, 100, ask.price), at: date)
        try broker.commit(packetKey: "2202:1:1", response: [1, 2, 3])
        let reopened = try PaperBroker(ledger: Ledger(directory: directory),
                                       market: MarketSimulator(seed: 5, hours: .always, startDate: date), withRealAccounts: false)
        XCTAssertEqual(reopened.orders[order.id], broker.orders[order.id])
        XCTAssertEqual(reopened.account(10_001)?.cash, broker.account(10_001)?.cash)
        XCTAssertEqual(reopened.position(10_001, tencent), broker.position(10_001, tencent))
        XCTAssertEqual(reopened.fills, broker.fills)
        XCTAssertEqual(reopened.packetResult("2202:1:1"), [1, 2, 3])
        // New ids continue after the stored ones.
        let (next, _) = try reopened.place(input(tencent, .buy, 100, market[tencent]!.asks[0].price), at: date)
        XCTAssertGreaterThan(next.id, order.id)
    }
}
