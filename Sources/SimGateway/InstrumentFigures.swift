import Foundation
import TradingKit

/// Figures derived from an instrument's live market, its daily history and its invented
/// fundamentals: what the stock filter ranges over and price reminders watch. Percentages are
/// in percent (20 means 20 %), as OpenD gives them.
struct InstrumentFigures {
    let live: InstrumentMarket
    let daily: [SimBar]
    let facts: Fundamentals

    init(_ live: InstrumentMarket, market: MarketSimulator) {
        self.live = live
        daily = market.bars(live.instrument.code, .day, count: 260)
        facts = Fundamentals(instrument: live.instrument, seed: market.seed)
    }

    static func units(_ p: Price) -> Double { Double(p.micros) / Double(Price.scale) }

    var last: Double { Self.units(live.last) }
    var previousClose: Double { Self.units(live.previousClose) }

    /// The last 52 weeks' high and low, today included.
    var yearRange: (high: Double, low: Double) {
        var high = Self.units(live.high), low = Self.units(live.low)
        for bar in daily.suffix(252) {
            high = max(high, Self.units(bar.high))
            low = min(low, Self.units(bar.low))
        }
        return (high, low)
    }

    func percent(_ value: Double, of base: Double) -> Double { base == 0 ? 0 : (value - base) / base * 100 }

    var changeRate: Double { percent(last, of: previousClose) }

    /// Change over the last `minutes` of time-share points (0 before there are any).
    func changeRate(minutes: Int) -> Double {
        let points = live.timeShare
        guard let now = points.last else { return 0 }
        let base = points.last(where: { $0.minute <= now.minute - minutes }) ?? points.first!
        return percent(last, of: Self.units(base.price))
    }

    /// Minutes in a full trading session of the instrument's exchange.
    var sessionMinutes: Double {
        switch live.instrument.code.market {
        case .hk: return 330
        case .us: return 390
        case .sh, .sz: return 240
        }
    }

    var volumeRatio: Double {
        let past = daily.filter { $0.start < (daily.last?.start ?? 0) || live.volume == 0 }.suffix(5)
        guard !past.isEmpty else { return 0 }
        let perMinutePast = Double(past.reduce(0) { $0 + $1.volume }) / Double(past.count) / sessionMinutes
        let perMinuteToday = Double(live.volume) / Double(max(live.timeShare.count, 1))
        return perMinutePast > 0 ? perMinuteToday / perMinutePast : 0
    }

    var bidAskRatio: Double {
        let bid = live.bids.reduce(0) { $0 + $1.volume }, ask = live.asks.reduce(0) { $0 + $1.volume }
        return bid + ask == 0 ? 0 : Double(bid - ask) / Double(bid + ask) * 100
    }

    var changeSinceYearStart: Double {
        guard let lastBar = daily.last else { return 0 }
        let year = String(lastBar.time.prefix(4))
        let base = daily.last(where: { !$0.time.hasPrefix(year) })?.close ?? daily.first!.open
        return percent(last, of: Self.units(base))
    }

    /// A StockField value (Qot_StockFilter.StockField), nil for code and name.
    func stockField(_ field: Int32) -> Double? {
        let range = yearRange
        switch field {
        case 3: return last
        case 4: return percent(last, of: range.high)
        case 5: return percent(last, of: range.low)
        case 6: return percent(Self.units(live.high), of: range.high)
        case 7: return percent(Self.units(live.low), of: range.low)
        case 8: return volumeRatio
        case 9: return bidAskRatio
        case 10: return last * Double(live.instrument.lotSize)
        case 11: return last * Double(facts.totalShares)
        case 12: return facts.peAnnual
        case 13: return facts.peTTM
        case 14: return facts.pbRate
        case 15: return changeRate(minutes: 5)
        case 16: return changeSinceYearStart
        case 17: return facts.psTTM
        case 18: return facts.pcfTTM
        case 19: return Double(facts.totalShares)
        case 20: return Double(facts.floatShares)
        case 21: return last * Double(facts.floatShares)
        default: return nil
        }
    }

    /// An AccumulateField value over the last `days` trading days (today included).
    func accumulateField(_ field: Int32, days: Int) -> Double? {
        let window = Array(daily.suffix(max(days, 1)))
        guard let first = window.first else { return 0 }
        let base = Self.units(first.previousClose)
        switch field {
        case 1: return percent(last, of: base)
        case 2:
            let hi = window.map { Self.units($0.high) }.max() ?? last, lo = window.map { Self.units($0.low) }.min() ?? last
            return base == 0 ? 0 : (hi - lo) / base * 100
        case 3: return Double(window.reduce(0) { $0 + $1.volume }) / Double(window.count)
        case 4: return Double(window.reduce(0) { $0 + $1.turnover }) / Double(window.count)
        case 5: return Double(window.reduce(0) { $0 + $1.volume }) / Double(max(facts.floatShares, 1)) * 100
        default: return nil
        }
    }
}
