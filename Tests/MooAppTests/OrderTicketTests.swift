import XCTest
import TradingKit
@testable import MooApp

final class OrderTicketTests: XCTestCase {
    private let tencent = try! SecurityCode(parsing: "HK.00700")
    private func p(_ s: String) -> Price { Price(s)! }

    private func hkTicket(env: TradingEnvironment = .simulate, side: OrderSide = .buy, price: String? = "320.2",
                          position: Int64 = 0) -> OrderTicket {
        OrderTicket(code: tencent, name: "腾讯控股", environment: env, side: side, price: price.map(p),
                    tickRules: TickRules(.hkSpreadTable), lotRules: LotRules(.boardLot(100)), position: position,
                    referencePrice: p("320.2"))
    }

    func testOffTickPriceAndOddLotBlockSubmit() {
        var t = hkTicket()
        t.priceText = "320.1"
        t.quantityText = "150"
        XCTAssertNotNil(t.priceError)
        XCTAssertTrue(t.priceError!.contains("tick"), t.priceError!)
        XCTAssertNotNil(t.quantityError)
        XCTAssertTrue(t.quantityError!.contains("lot"), t.quantityError!)
        XCTAssertFalse(t.isValid)
        XCTAssertNil(t.orderRequest)
        XCTAssertEqual(t.handle(.submit), [], "Enter sends nothing while a field is invalid")
        XCTAssertEqual(t.phase, .editing)
    }

    func testValidSimulateOrderIsPlacedOnEnter() {
        var t = hkTicket()
        t.quantityText = "200"
        let effects = t.handle(.submit)
        XCTAssertEqual(effects, [.place(OrderRequest(code: tencent, side: .buy, type: .limit, price: p("320.2"),
                                                     quantity: 200, timeInForce: .day))])
        XCTAssertEqual(t.phase, .submitting)
        XCTAssertEqual(t.notional, p("64040"))
        XCTAssertEqual(t.positionAfterFill, 200)
    }

    func testArrowsStepByTickAcrossBandEdgeAndByLot() {
        var t = hkTicket(price: "20.00")
        t.focus = .price
        _ = t.handle(.increment)
        XCTAssertEqual(t.priceText, "20.050")
        _ = t.handle(.decrement)
        _ = t.handle(.decrement)
        XCTAssertEqual(t.priceText, "19.980")
        t.focus = .quantity
        t.quantityText = "100"
        _ = t.handle(.increment)
        XCTAssertEqual(t.quantityText, "200")
        _ = t.handle(.decrement)
        _ = t.handle(.decrement)
        XCTAssertEqual(t.quantityText, "100", "never below one lot")
    }

    func testTypingValidatesAsYouType() {
        var t = hkTicket(price: nil)
        t.priceText = ""
        t.focus = .price
        XCTAssertEqual(t.priceError, "enter a price")
        for ch in "359.7" { _ = t.handle(.type(ch)) }
        XCTAssertEqual(t.priceText, "359.7")
        XCTAssertNotNil(t.priceError)
        _ = t.handle(.backspace)
        _ = t.handle(.type("8"))
        XCTAssertNil(t.priceError)
        _ = t.handle(.type("x"))
        XCTAssertEqual(t.priceText, "359.8", "letters are not typed into a price")
    }

    func testRejectionKeepsEverythingTyped() {
        var t = hkTicket()
        t.quantityText = "300"
        _ = t.handle(.submit)
        t.rejected("insufficient buying power")
        XCTAssertEqual(t.rejection, "insufficient buying power")
        XCTAssertEqual(t.quantityText, "300")
        XCTAssertEqual(t.priceText, "320.200")
        XCTAssertEqual(t.phase, .editing)
        _ = t.handle(.type("0"))
        XCTAssertNil(t.rejection, "an edit clears the old message")
    }

    func testEscClosesWithoutSending() {
        var t = hkTicket()
        XCTAssertEqual(t.handle(.cancel), [.close])
    }

    func testRealNeedsUnlockThenConfirmAndWipesPassword() {
        var t = hkTicket(env: .real)
        t.quantityText = "100"
        XCTAssertEqual(t.handle(.submit), [])
        XCTAssertEqual(t.phase, .unlocking(length: 0))
        for ch in "1234" { _ = t.handle(.type(ch)) }
        _ = t.handle(.backspace)
        _ = t.handle(.type("9"))
        XCTAssertEqual(t.phase, .unlocking(length: 4))
        let unlockEffects = t.handle(.submit)
        guard unlockEffects.count == 1, case .unlock(let password) = unlockEffects[0] else { return XCTFail("\(unlockEffects)") }
        XCTAssertFalse(String(describing: unlockEffects).contains("1239"), "the effect never prints the password")
        XCTAssertEqual(password.consume { String(decoding: $0, as: UTF8.self) }, "1239")
        XCTAssertTrue(password.isConsumed, "handed out once, then wiped")
        XCTAssertFalse(String(describing: t).contains("1239"), "no plaintext left in the ticket")
        t.unlockSucceeded()
        XCTAssertEqual(t.phase, .confirming)
        XCTAssertTrue(t.summary.contains("BUY 100 HK.00700"))
        XCTAssertTrue(t.summary.contains("REAL"))
        let effects = t.handle(.submit)
        XCTAssertEqual(effects.count, 1)
        guard case .place = effects[0] else { return XCTFail("expected place, got \(effects)") }
    }

    func testWrongPasswordIsRefusedAndAsksAgain() {
        var t = hkTicket(env: .real)
        _ = t.handle(.submit)
        _ = t.handle(.type("x"))
        _ = t.handle(.submit)
        t.rejected("unlock failed: wrong password")
        XCTAssertFalse(t.isUnlocked)
        XCTAssertEqual(t.handle(.submit), [])
        XCTAssertEqual(t.phase, .unlocking(length: 0))
    }

    func testSimulateSellCannotExceedHoldingAndSellAllFillsPosition() {
        var t = hkTicket(side: .sell, position: 300)
        XCTAssertEqual(t.quantityText, "300", "sell defaults to the position")
        t.quantityText = "400"
        XCTAssertNotNil(t.quantityError)
        _ = t.handle(.maxQuantity)
        XCTAssertEqual(t.quantityText, "300")
        XCTAssertNil(t.quantityError)
    }

    func testMaxQuantitiesLimitBuys() {
        var t = hkTicket()
        t.maxQuantities = MaxQuantities(cashBuy: 500, positionSell: 0)
        t.quantityText = "600"
        XCTAssertEqual(t.quantityError, "600 exceeds the maximum buy of 500")
        _ = t.handle(.maxQuantity)
        XCTAssertEqual(t.quantityText, "500")
    }

    func testMarketOrderSkipsPrice() {
        var t = hkTicket()
        t.focus = .type
        let effects = t.handle(.increment)
        XCTAssertEqual(t.type, .market)
        XCTAssertNil(t.priceError)
        XCTAssertFalse(effects.isEmpty)
        t.quantityText = "100"
        guard case let .place(req)? = t.handle(.submit).first else { return XCTFail() }
        XCTAssertEqual(req.type, .market)
    }

    func testModifyModeSendsModifyWithNewTotal() {
        var t = hkTicket(price: "320.2")
        t.modifyingOrderID = "OID-7"
        t.quantityText = "300"
        t.focus = .quantity
        _ = t.handle(.increment)  // one lot up
        XCTAssertEqual(t.quantityText, "400")
        XCTAssertEqual(t.handle(.submit), [.modify(orderID: "OID-7", price: p("320.2"), quantity: 400)])
        XCTAssertTrue(t.summary.hasPrefix("MODIFY OID-7"))
    }

    func testAShareOddRemainderAndUSSubPenny() {
        let moutai = try! SecurityCode(parsing: "SH.600519")
        var cn = OrderTicket(code: moutai, environment: .simulate, side: .sell, price: p("1688.00"),
                             tickRules: TickRules(.cnStock), lotRules: LotRules(.cnMainBoard), position: 150)
        XCTAssertNil(cn.quantityError)
        cn.quantityText = "100"
        XCTAssertNil(cn.quantityError)
        cn.quantityText = "50"
        XCTAssertNotNil(cn.quantityError)
        let penny = try! SecurityCode(parsing: "US.SNDL")
        var us = OrderTicket(code: penny, environment: .simulate, side: .buy, price: p("0.4321"),
                             tickRules: TickRules(.usEquity), lotRules: LotRules(.single))
        XCTAssertNil(us.priceError)
        us.priceText = "0.43215"
        XCTAssertNotNil(us.priceError)
    }
}

final class OrderCommandLineTests: XCTestCase {
    func testBuyWithPriceAndTIF() throws {
        let c = try OrderCommandLine.parse(":b 200 HK.00700 @ 320.2 day")
        XCTAssertEqual(c, .order(side: .buy, quantity: .shares(200), code: try SecurityCode(parsing: "HK.00700"),
                                 price: Price("320.2"), type: .limit, timeInForce: .day))
    }

    func testSellAllMarket() throws {
        let c = try OrderCommandLine.parse("s all US.AAPL mkt")
        XCTAssertEqual(c, .order(side: .sell, quantity: .all, code: try SecurityCode(parsing: "US.AAPL"),
                                 price: nil, type: .market, timeInForce: nil))
    }

    func testCancelAndCancelAll() throws {
        XCTAssertEqual(try OrderCommandLine.parse(":c 8851102"), .cancel(orderID: "8851102"))
        XCTAssertEqual(try OrderCommandLine.parse(":ca HK.00700"), .cancelAll(code: try SecurityCode(parsing: "HK.00700")))
        XCTAssertEqual(try OrderCommandLine.parse("ca"), .cancelAll(code: nil))
    }

    func testPriceWithoutAtAndAtGlued() throws {
        guard case let .order(_, _, _, price, type, _) = try OrderCommandLine.parse("b 100 HK.00700 @359.8") else {
            return XCTFail()
        }
        XCTAssertEqual(price, Price("359.8"))
        XCTAssertEqual(type, .limit)
        guard case let .order(_, _, _, price2, _, _) = try OrderCommandLine.parse("buy 100 HK.00700 359.8") else {
            return XCTFail()
        }
        XCTAssertEqual(price2, Price("359.8"))
    }

    func testErrorsAreClear() {
        XCTAssertThrowsError(try OrderCommandLine.parse(":b HK.00700")) { XCTAssertTrue("\($0)".contains("quantity")) }
        XCTAssertThrowsError(try OrderCommandLine.parse(":b 100")) { XCTAssertTrue("\($0)".contains("code")) }
        XCTAssertThrowsError(try OrderCommandLine.parse(":x 1")) { XCTAssertTrue("\($0)".contains("unknown")) }
        XCTAssertThrowsError(try OrderCommandLine.parse(":b all HK.00700")) { XCTAssertTrue("\($0)".contains("all")) }
        XCTAssertThrowsError(try OrderCommandLine.parse(":s 100 US.AAPL mkt @ 3")) { XCTAssertTrue("\($0)".contains("market")) }
        XCTAssertThrowsError(try OrderCommandLine.parse(":b 100 XX.1 @ 3"))
    }
}
