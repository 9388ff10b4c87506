import Foundation
import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

/// Plain-value market data for reducer and view tests: CJK names, ten levels a side, a working
/// order of our own on the bid side.
enum AppFixtures {
    static let tencent = try! SecurityCode(parsing: "HK.00700")
    static let moutai = try! SecurityCode(parsing: "SH.600519")
    static let apple = try! SecurityCode(parsing: "US.AAPL")
    static let alibaba = try! SecurityCode(parsing: "HK.09988")

    /// The SIMULATE accounts of the fixture: one trades HK, one US (as OpenD lists them).
    static let hkAccount = Account(id: 1001, environment: .simulate, markets: [1])
    static let usAccount = Account(id: 1002, environment: .simulate, markets: [2])

    static var keymap: Keymap { AppearanceLoader.defaultKeymap }

    static func p(_ s: String) -> Price { Price(s)! }

    static func emptyState(_ codes: [SecurityCode] = [tencent, moutai, apple]) -> AppState {
        AppState(environment: .simulate, gatewayAddress: "127.0.0.1:11111", watchlist: codes, keymap: keymap)
    }

    /// A live state with quotes for all three codes and full detail for Tencent.
    static func liveState() -> AppState {
        var s = emptyState()
        _ = AppReducer.reduce(&s, .started)
        s.now = 100
        s.securities[tencent] = SecurityInfo(code: tencent, name: "腾讯控股", lotSize: 100, kind: .stock)
        s.securities[moutai] = SecurityInfo(code: moutai, name: "贵州茅台", lotSize: 100, kind: .stock)
        s.securities[apple] = SecurityInfo(code: apple, name: "Apple", lotSize: 1, kind: .stock)
        s.quotes[tencent] = Quote(
            code: tencent, name: "腾讯控股", last: p("320.2"), open: p("316.4"), high: p("322"),
            low: p("315.8"), previousClose: p("316.4"), volume: 12_345_600,
            turnover: p("3951234567.5"), priceSpread: p("0.2"))
        s.quotes[moutai] = Quote(
            code: moutai, name: "贵州茅台", last: p("1688.5"), previousClose: p("1701"),
            volume: 2_345_678)
        s.quotes[apple] = Quote(code: apple, name: "Apple", last: p("189.3"), previousClose: p("189.3"), volume: 45_678)
        var asks: [BookLevel] = [], bids: [BookLevel] = []
        for i in 0..<10 {
            asks.append(BookLevel(price: p("320.4") + Price(micros: Int64(i) * 200_000), volume: Int64(1000 * (i + 1))))
            bids.append(BookLevel(price: p("320.2") - Price(micros: Int64(i) * 200_000), volume: Int64(1500 * (i + 1))))
        }
        s.books[tencent] = OrderBook(code: tencent, asks: asks, bids: bids)
        var ticks: [Tick] = []
        for i in 0..<30 {
            let second = String(format: "%02d", 59 - i)
            let time = "2026-11-27 10:3\(i / 10):\(second)"
            let price = p("320.2") + Price(micros: Int64(i % 3) * 200_000)
            let direction: TradeDirection = i % 3 == 0 ? .buy : (i % 3 == 1 ? .sell : .neutral)
            ticks.append(
                Tick(
                    sequence: Int64(1000 - i), time: time, price: price, volume: Int64(100 * (i + 1)),
                    direction: direction))
        }
        s.tapes[tencent] = ticks
        let closes = [
            "318", "318.4", "319", "318.8", "319.6", "320", "319.8", "320.4", "320.2", "320.6", "321", "320.2",
        ]
        var minute: [Bar] = [], five: [Bar] = []
        for (i, c) in closes.enumerated() {
            let close = p(c)
            let t1 = "2026-11-27 10:\(String(format: "%02d", 20 + i)):00"
            minute.append(
                Bar(
                    time: t1, open: close - p("0.2"), high: close + p("0.4"), low: close - p("0.6"),
                    close: close, volume: 1000))
            let up = i % 2 == 0
            let t5 = "2026-11-27 \(9 + i / 12):\(String(format: "%02d", (i % 12) * 5)):00"
            let open = up ? close - p("0.4") : close + p("0.4")
            five.append(
                Bar(time: t5, open: open, high: close + p("0.8"), low: close - p("0.8"), close: close, volume: 5000))
        }
        s.candles[CandleSeries(tencent, .oneMinute)] = minute
        s.candles[CandleSeries(tencent, .fiveMinutes)] = five
        s.marketStates[tencent] = .morning
        s.account = Account(id: 1001, environment: .simulate, markets: [1])
        s.positions = [
            Position(
                id: 1, code: tencent, name: "腾讯控股", quantity: 500, sellableQuantity: 500,
                costPrice: p("300"), lastPrice: p("320.2"), marketValue: p("160100"),
                profitLoss: p("10100"))
        ]
        s.orders = [
            Order(
                id: "FT1002", numericID: 1002, code: tencent, name: "腾讯控股", side: .buy, type: .limit,
                status: .submitted, quantity: 300, price: p("319.8"), createTime: "2026-11-27 10:31:00",
                updateTime: "2026-11-27 10:31:00"),
            Order(
                id: "FT1001", numericID: 1001, code: moutai, name: "贵州茅台", side: .sell, type: .limit,
                status: .filled, quantity: 100, price: p("1690"), filledQuantity: 100,
                createTime: "2026-11-27 09:45:12",
                updateTime: "2026-11-27 09:45:13"),
        ]
        s.quota = Quota(used: 8, total: 100)
        s.orderBudget = OrderBudget(used: 1, limit: 15)
        s.lastPushAt = 99.5
        return s
    }
}

/// Compares rendered text with a file under Snapshots/, or writes it when RECORD_SNAPSHOTS=1.
func assertSnapshot(_ grid: CellGrid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent("\(name).txt")
    let actual = grid.text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("no snapshot \(url.path); run with RECORD_SNAPSHOTS=1 to record it\n\(actual)", file: file, line: line)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>", al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff.append("line \(i + 1):\n  expected: \(el)\n  actual:   \(al)") }
        }
        XCTFail(
            "snapshot \(name) differs (RECORD_SNAPSHOTS=1 re-records):\n" + diff.joined(separator: "\n"), file: file,
            line: line)
    }
}
