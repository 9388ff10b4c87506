import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

final class ConversionTests: XCTestCase {
    // MARK: codes and markets

    func testSecurityCodeRoundTripsThroughQuoteSecurity() throws {
        for text in ["HK.00700", "US.AAPL", "SH.600519", "SZ.000001", "US..DJI"] {
            let code = try SecurityCode(parsing: text)
            let wire = code.wireSecurity
            XCTAssertEqual(try SecurityCode(wire: wire), code, text)
        }
        XCTAssertEqual(try SecurityCode(parsing: "HK.00700").wireSecurity.market, 1)
        XCTAssertEqual(try SecurityCode(parsing: "US.AAPL").wireSecurity.market, 11)
        XCTAssertEqual(try SecurityCode(parsing: "SZ.000001").wireSecurity.market, 22)
        XCTAssertEqual(try SecurityCode(parsing: "US..DJI").wireSecurity.code, ".DJI")
    }

    func testUnknownQuoteMarketIsATypedError() {
        var s = QotCommon_Security()
        s.market = 2  // HK futures: not traded by mootui
        s.code = "HSImain"
        XCTAssertThrowsError(try SecurityCode(wire: s)) { error in
            XCTAssertEqual(error as? ConversionError, .unknownQuoteMarket(2, code: "HSImain"))
        }
    }

    func testTradeCodeUsesSecMarketThenInfersFromTradeMarket() throws {
        XCTAssertEqual(
            try SecurityCode(tradeCode: "600519", secMarket: 31), SecurityCode(market: .sh, symbol: "600519"))
        XCTAssertEqual(
            try SecurityCode(tradeCode: "000001", secMarket: 32), SecurityCode(market: .sz, symbol: "000001"))
        XCTAssertEqual(try SecurityCode(tradeCode: "AAPL", secMarket: 2), SecurityCode(market: .us, symbol: "AAPL"))
        // Older gateways omit secMarket: infer from the account market and the A-share prefix.
        XCTAssertEqual(
            try SecurityCode(tradeCode: "688981", secMarket: nil, trdMarket: 4),
            SecurityCode(market: .sh, symbol: "688981"))
        XCTAssertEqual(
            try SecurityCode(tradeCode: "300750", secMarket: 0, trdMarket: 3),
            SecurityCode(market: .sz, symbol: "300750"))
        XCTAssertEqual(
            try SecurityCode(tradeCode: "09988", secMarket: nil, trdMarket: 1),
            SecurityCode(market: .hk, symbol: "09988"))
        XCTAssertThrowsError(try SecurityCode(tradeCode: "D05", secMarket: 41)) { error in
            XCTAssertEqual(error as? ConversionError, .unknownTradeMarket(41, code: "D05"))
        }
        XCTAssertThrowsError(try SecurityCode(tradeCode: "X", secMarket: nil, trdMarket: 15))
    }

    // MARK: quotes

    func testBasicQuoteConvertsExactPricesAndPrefersHighPrecisionVolume() throws {
        var q = QotCommon_BasicQot()
        q.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        q.name = "腾讯控股"
        q.isSuspended = false
        q.listTime = "2004-06-16"
        q.priceSpread = 0.2
        q.updateTime = "2026-11-27 10:15:03.120"
        q.highPrice = 361.4
        q.openPrice = 358.0
        q.lowPrice = 357.2
        q.curPrice = 359.6
        q.lastClosePrice = 356.8
        q.volume = 12_345_600
        q.hpVolume = 12_345_678
        q.turnover = 4_437_012_345.67
        q.turnoverRate = 0.13
        q.amplitude = 1.18
        q.updateTimestamp = 1_795_745_703.12
        let quote = try Quote(wire: q)
        XCTAssertEqual(quote.code.description, "HK.00700")
        XCTAssertEqual(quote.name, "腾讯控股")
        XCTAssertEqual(quote.last, Price("359.6"))
        XCTAssertEqual(quote.previousClose, Price("356.8"))
        XCTAssertEqual(quote.change, Price("2.8"))
        XCTAssertEqual(quote.priceSpread, Price("0.2"))
        XCTAssertEqual(quote.turnover, Price("4437012345.67"))
        XCTAssertEqual(quote.volume, 12_345_678)
        XCTAssertEqual(quote.updateTimestamp, 1_795_745_703.12)

        q.clearHpVolume()
        q.clearUpdateTimestamp()
        let plain = try Quote(wire: q)
        XCTAssertEqual(plain.volume, 12_345_600)
        XCTAssertNil(plain.updateTimestamp)
    }

    func testOrderBookKeepsSideOrderAndSubCentTicks() throws {
        var m = QotUpdateOrderBook_S2C()
        m.security = SecurityCode(market: .us, symbol: "SNDL").wireSecurity
        m.name = "Sundial"
        for i in 0..<10 {
            var ask = QotCommon_OrderBook()
            ask.price = 0.4321 + Double(i) * 0.0001
            ask.volume = Int64(1000 * (i + 1))
            ask.orederCount = Int32(i + 1)
            m.orderBookAskList.append(ask)
            var bid = QotCommon_OrderBook()
            bid.price = 0.4320 - Double(i) * 0.0001
            bid.volume = Int64(500 * (i + 1))
            bid.orederCount = Int32(i + 2)
            m.orderBookBidList.append(bid)
        }
        // Through the real wire encoding, as a push would arrive.
        let bytes: [UInt8] = try m.serializedBytes()
        let decoded = try QotUpdateOrderBook_S2C(serializedBytes: bytes)
        let book = try OrderBook(wire: decoded)
        XCTAssertEqual(book.asks.count, 10)
        XCTAssertEqual(book.bids.count, 10)
        XCTAssertEqual(book.bestAsk?.price, Price(micros: 432_100))
        XCTAssertEqual(book.bestBid?.price, Price(micros: 432_000))
        XCTAssertEqual(book.asks[9].price, Price(micros: 433_000))
        XCTAssertEqual(book.bids[9].price, Price(micros: 431_100))
        XCTAssertEqual(book.asks[3].volume, 4000)
        XCTAssertEqual(book.bids[0].orderCount, 2)
        for i in 1..<10 {
            XCTAssertLessThan(book.asks[i - 1].price, book.asks[i].price)
            XCTAssertGreaterThan(book.bids[i - 1].price, book.bids[i].price)
            XCTAssertTrue(TickRules.forCode(book.code).isOnTick(book.asks[i].price))
        }
    }

    func testTickerKeepsSequencesAbove2Pow53AndDirection() {
        var t = QotCommon_Ticker()
        t.time = "2026-11-27 10:15:03.120"
        t.sequence = 7_000_000_000_000_000_123  // > 2^53: must not pass through Double
        t.dir = 2
        t.price = 359.8
        t.volume = 300
        t.turnover = 107_940
        t.timestamp = 1_795_745_703.12
        let tick = Tick(wire: t)
        XCTAssertEqual(tick.sequence, 7_000_000_000_000_000_123)
        XCTAssertEqual(tick.direction, .sell)
        XCTAssertEqual(tick.price, Price("359.8"))
        XCTAssertEqual(tick.turnover, Price(units: 107_940))
        t.dir = 0
        XCTAssertEqual(Tick(wire: t).direction, .neutral)
    }

    func testKLineConvertsHistoryPricesWithSixDecimals() {
        var k = QotCommon_KLine()
        k.time = "2026-11-26 00:00:00"
        k.isBlank = false
        k.openPrice = 52.631194
        k.highPrice = 53.1
        k.lowPrice = 52.0
        k.closePrice = 52.99
        k.volume = 1_000_000
        k.turnover = 52_631_194.5
        let bar = Bar(wire: k)
        XCTAssertEqual(bar.open, Price(micros: 52_631_194))
        XCTAssertEqual(bar.close, Price("52.99"))
        XCTAssertEqual(bar.turnover, Price("52631194.5"))
        XCTAssertFalse(bar.isBlank)
        XCTAssertNil(bar.timestamp)
    }

    func testSnapshotOptionalBidAskStayNil() throws {
        var s = QotGetSecuritySnapshot_Snapshot()
        s.basic.security = SecurityCode(market: .sh, symbol: "600519").wireSecurity
        s.basic.name = "贵州茅台"
        s.basic.type = 3
        s.basic.lotSize = 100
        s.basic.priceSpread = 0.01
        s.basic.curPrice = 1680.01
        s.basic.lastClosePrice = 1675.5
        s.basic.volume = 2_345_678
        let plain = try Snapshot(wire: s)
        XCTAssertEqual(plain.last, Price("1680.01"))
        XCTAssertEqual(plain.kind, .stock)
        XCTAssertEqual(plain.lotSize, 100)
        XCTAssertNil(plain.bid)
        XCTAssertNil(plain.askVolume)
        s.basic.bidPrice = 1680.0
        s.basic.askPrice = 1680.01
        s.basic.bidVol = 700
        s.basic.askVol = 300
        let withBook = try Snapshot(wire: s)
        XCTAssertEqual(withBook.bid, Price(units: 1680))
        XCTAssertEqual(withBook.ask, Price("1680.01"))
        XCTAssertEqual(withBook.bidVolume, 700)
        XCTAssertEqual(withBook.askVolume, 300)
    }

    func testStaticInfoReportsUnknownCodesAsDelisted() throws {
        var info = QotCommon_SecurityStaticInfo()
        info.basic.security = SecurityCode(market: .hk, symbol: "99999").wireSecurity
        info.basic.id = 0
        info.basic.lotSize = 0
        info.basic.secType = 0
        info.basic.name = "未知股票"
        info.basic.listTime = ""
        info.basic.delisting = true
        let unknown = try SecurityInfo(wire: info)
        XCTAssertTrue(unknown.isDelisted)
        XCTAssertEqual(unknown.kind, .unknown)

        info.basic.security = SecurityCode(market: .hk, symbol: "02800").wireSecurity
        info.basic.lotSize = 500
        info.basic.secType = 4
        info.basic.name = "盈富基金"
        info.basic.delisting = false
        let etf = try SecurityInfo(wire: info)
        XCTAssertFalse(etf.isDelisted)
        XCTAssertEqual(etf.kind, .fund)
        XCTAssertEqual(etf.lotRules.step, 500)
    }

    // MARK: trade

    func testAccountAndHeaders() throws {
        var a = TrdCommon_TrdAcc()
        a.trdEnv = 1
        a.accID = 281_756_420_273_981_734
        a.trdMarketAuthList = [1, 2, 4]
        a.accType = 2
        a.securityFirm = 1
        a.uniCardNum = "1001100320482767"
        let account = Account(wire: a)
        XCTAssertEqual(account.id, 281_756_420_273_981_734)
        XCTAssertEqual(account.environment, .real)
        XCTAssertEqual(account.accountType, 2)
        XCTAssertNil(account.simulateType)
        XCTAssertEqual(account.cardNumber, "1001100320482767")
        XCTAssertEqual(account.queryHeader.trdMarket, 1)
        XCTAssertEqual(account.queryHeader.accID, 281_756_420_273_981_734)
        XCTAssertEqual(try account.tradeHeader(for: SecurityCode(market: .sh, symbol: "600519")).trdMarket, 4)
        XCTAssertEqual(try account.tradeHeader(for: SecurityCode(market: .us, symbol: "AAPL")).trdMarket, 2)
    }

    func testFundsFallBackToTheAccountCurrency() {
        var f = TrdCommon_Funds()
        f.power = 1_000_000.55
        f.totalAssets = 1_234_567.891
        f.cash = 900_000.12
        f.marketVal = 334_567.771
        f.frozenCash = 0
        f.debtCash = 0
        f.avlWithdrawalCash = 900_000.12
        let funds = Funds(wire: f, fallbackCurrency: "HKD")
        XCTAssertEqual(funds.buyingPower, Price("1000000.55"))
        XCTAssertEqual(funds.totalAssets, Price("1234567.891"))
        XCTAssertEqual(funds.currency, "HKD")
        f.currency = 2
        XCTAssertEqual(Funds(wire: f, fallbackCurrency: "HKD").currency, "USD")
    }

    func testPositionShortIsNegativeAndCostPrefersAverage() throws {
        var p = TrdCommon_Position()
        p.positionID = 9_007_199_254_740_993
        p.positionSide = 1
        p.code = "TSLA"
        p.name = "Tesla"
        p.qty = 15
        p.canSellQty = 0
        p.price = 251.37
        p.costPrice = 240.0
        p.averageCostPrice = 245.125
        p.val = -3770.55
        p.plVal = -91.875
        p.secMarket = 2
        let position = try Position(wire: p, trdMarket: 2)
        XCTAssertEqual(position.id, 9_007_199_254_740_993)
        XCTAssertEqual(position.quantity, -15)
        XCTAssertEqual(position.costPrice, Price("245.125"))
        XCTAssertEqual(position.marketValue, Price("-3770.55"))
        XCTAssertEqual(position.profitLoss, Price("-91.875"))
        XCTAssertEqual(position.code, SecurityCode(market: .us, symbol: "TSLA"))
    }

    func testOrderSurvivesWireEncodingWithNegativeStatusAndHugeIDs() throws {
        var o = TrdCommon_Order()
        o.trdSide = 1
        o.orderType = 1
        o.orderStatus = -1  // Unknown: a 10-byte varint on the wire
        o.orderID = 9_007_199_254_740_993  // 2^53 + 1
        o.orderIdex = "v3_20261127_9007199254740993_abc"
        o.code = "00700"
        o.name = "腾讯控股"
        o.qty = 300
        o.price = 359.6
        o.createTime = "2026-11-27 10:15:03"
        o.updateTime = "2026-11-27 10:15:04.500"
        o.fillQty = 100
        o.fillAvgPrice = 359.5333333
        o.secMarket = 1
        o.timeInForce = 1
        o.remark = "ticket#42 备注"
        let bytes: [UInt8] = try o.serializedBytes()
        let decoded = try TrdCommon_Order(serializedBytes: bytes)
        let order = try Order(wire: decoded, accountID: 3_450_310, trdMarket: 1)
        XCTAssertEqual(order.id, "v3_20261127_9007199254740993_abc")
        XCTAssertEqual(order.numericID, 9_007_199_254_740_993)
        XCTAssertEqual(order.status, .unknown)
        XCTAssertEqual(order.side, .buy)
        XCTAssertEqual(order.type, .limit)
        XCTAssertEqual(order.timeInForce, .gtc)
        XCTAssertEqual(order.quantity, 300)
        XCTAssertEqual(order.filledQuantity, 100)
        XCTAssertEqual(order.remainingQuantity, 200)
        XCTAssertEqual(order.price, Price("359.6"))
        XCTAssertEqual(order.averageFillPrice, Price(micros: 359_533_333))
        XCTAssertEqual(order.accountID, 3_450_310)
        XCTAssertEqual(order.remark, "ticket#42 备注")

        o.trdSide = 0
        XCTAssertThrowsError(try Order(wire: o, accountID: 1, trdMarket: 1)) { error in
            guard case .unknownSide(0, _) = error as? ConversionError else { return XCTFail("\(error)") }
        }
    }

    func testFillUsesOrderIDExAndSellShortMapsToSell() throws {
        var f = TrdCommon_OrderFill()
        f.trdSide = 3
        f.fillID = 18_446_744_073_709_551_000
        f.fillIdex = "f_123"
        f.orderID = 42
        f.orderIdex = "o_42"
        f.code = "AAPL"
        f.name = "Apple"
        f.qty = 10
        f.price = 0.1234
        f.createTime = "2026-11-27 09:31:00"
        f.secMarket = 2
        let fill = try Fill(wire: f, accountID: 7, trdMarket: 2)
        XCTAssertEqual(fill.id, 18_446_744_073_709_551_000)
        XCTAssertEqual(fill.orderID, "o_42")
        XCTAssertEqual(fill.side, .sell)
        XCTAssertEqual(fill.price, Price(micros: 123_400))
        f.clearOrderIdex()
        XCTAssertEqual(try Fill(wire: f, accountID: 7, trdMarket: 2).orderID, "42")
    }

    func testMaxQuantities() {
        var m = TrdCommon_MaxTrdQtys()
        m.maxCashBuy = 2700
        m.maxCashAndMarginBuy = 5400
        m.maxPositionSell = 300
        let q = MaxQuantities(wire: m)
        XCTAssertEqual(q.cashBuy, 2700)
        XCTAssertEqual(q.cashAndMarginBuy, 5400)
        XCTAssertEqual(q.positionSell, 300)
        XCTAssertEqual(q.sellShort, 0)
    }

    // MARK: order requests

    private func account(_ env: TradingEnvironment, _ markets: [Int32]) -> Account {
        Account(id: 8_000_123, environment: env, markets: markets)
    }

    func testPlaceOrderBodyUsesCNForSimulateAndHKCCForReal() throws {
        let code = SecurityCode(market: .sh, symbol: "600519")
        let request = OrderRequest(
            code: code, side: .buy, type: .limit, price: Price("1680.01")!, quantity: 100,
            remark: "r1")
        let sim = try request.placeOrderC2S(for: account(.simulate, [3]))
        XCTAssertEqual(sim.header.trdEnv, 0)
        XCTAssertEqual(sim.header.trdMarket, 3)
        XCTAssertEqual(sim.header.accID, 8_000_123)
        XCTAssertEqual(sim.secMarket, 31)
        XCTAssertEqual(sim.code, "600519")
        XCTAssertEqual(sim.trdSide, 1)
        XCTAssertEqual(sim.orderType, 1)
        XCTAssertEqual(sim.qty, 100)
        XCTAssertEqual(Price(wire: sim.price), Price("1680.01"))
        XCTAssertEqual(sim.price, 1680.01)
        XCTAssertEqual(sim.remark, "r1")
        let real = try request.placeOrderC2S(for: account(.real, [1, 4]))
        XCTAssertEqual(real.header.trdEnv, 1)
        XCTAssertEqual(real.header.trdMarket, 4)
        XCTAssertThrowsError(try request.placeOrderC2S(for: account(.simulate, [1]))) { error in
            XCTAssertEqual(
                error as? ConversionError,
                .accountCannotTrade(accountID: 8_000_123, code: code, trdMarket: 3))
        }
    }

    func testPlaceOrderPriceIsTheNearestDoubleOfTheExactTick() throws {
        let code = SecurityCode(market: .us, symbol: "SNDL")
        let request = OrderRequest(code: code, side: .sell, type: .limit, price: Price(micros: 432_100), quantity: 7)
        let c = try request.placeOrderC2S(for: account(.simulate, [2]))
        XCTAssertEqual(c.price, 0.4321)
        XCTAssertEqual(c.trdSide, 2)
        XCTAssertEqual(c.secMarket, 2)
        XCTAssertFalse(c.hasRemark)
        // Survives the wire (packetID is filled later by the connection, hence partial): the decoded double converts back to the same exact price.
        let bytes: [UInt8] = try c.serializedBytes(partial: true)
        XCTAssertEqual(
            Price(wire: try TrdPlaceOrder_C2S(serializedBytes: bytes, partial: true).price), Price(micros: 432_100))
    }

    func testMarketOrderSendsZeroPriceAndBadRequestsAreRefused() throws {
        let code = SecurityCode(market: .hk, symbol: "00700")
        let market = OrderRequest(code: code, side: .buy, type: .market, price: Price("359.6")!, quantity: 100)
        let c = try market.placeOrderC2S(for: account(.simulate, [1]))
        XCTAssertEqual(c.orderType, 2)
        XCTAssertEqual(c.price, 0)
        let zeroQty = OrderRequest(code: code, side: .buy, type: .limit, price: Price("359.6")!, quantity: 0)
        XCTAssertThrowsError(try zeroQty.placeOrderC2S(for: account(.simulate, [1])))
        let noPrice = OrderRequest(code: code, side: .buy, type: .limit, price: .zero, quantity: 100)
        XCTAssertThrowsError(try noPrice.placeOrderC2S(for: account(.simulate, [1])))
        let longRemark = OrderRequest(
            code: code, side: .buy, type: .limit, price: Price("359.6")!, quantity: 100,
            remark: String(repeating: "备", count: 22))  // 66 bytes
        XCTAssertThrowsError(try longRemark.placeOrderC2S(for: account(.simulate, [1])))
    }
}
