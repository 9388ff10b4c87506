import Foundation
import TradingKit

/// Every simulated instrument and the clock-driven stepping of them. Not thread-safe: the
/// gateway core owns it under its lock.
final class MarketSimulator {
    let seed: UInt64
    let schedule: MarketSchedule
    private(set) var markets: [SecurityCode: InstrumentMarket] = [:]
    let codes: [SecurityCode]
    private var historyCache: [HistoryKey: [SimBar]] = [:]
    /// Local-seconds day start of the simulated session per market (history ends before it).
    private var sessionStart: [Market: Int64] = [:]
    /// UTC offset per market at start, to turn local bar starts into Unix timestamps.
    private var utcOffset: [Market: Int64] = [:]

    private struct HistoryKey: Hashable {
        let code: SecurityCode
        let period: BarPeriod
    }

    /// Every listed instrument, in universe order.
    let instruments: [Instrument]

    init(seed: UInt64, hours: MarketHours, startDate: Date, instruments: [Instrument] = Universe.instruments) {
        self.seed = seed
        self.schedule = MarketSchedule(hours: hours)
        self.instruments = instruments
        codes = instruments.map(\.code)
        for m in Market.allCases {
            sessionStart[m] = ExchangeTime(startDate, market: m).dayStart
            utcOffset[m] = ExchangeTime.offset(m, at: startDate)
        }
        for (i, instrument) in instruments.enumerated() {
            let s = seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
            var live = InstrumentMarket(instrument: instrument, seed: s)
            // Before its first update an instrument shows the time the simulated session began.
            live.stampStart(startDate, local: ExchangeTime(startDate, market: instrument.code.market))
            markets[instrument.code] = live
        }
    }

    /// The live market of `code`.
    subscript(code: SecurityCode) -> InstrumentMarket? { markets[code] }

    /// Applies `body` to the live market of `code`.
    func update<T>(_ code: SecurityCode, _ body: (inout InstrumentMarket) -> T) -> T? {
        guard markets[code] != nil else { return nil }
        return body(&markets[code]!)
    }

    /// Steps every instrument whose exchange is trading; returns the codes that moved, in
    /// universe order (the order is part of what makes a seed reproducible).
    func step(at date: Date) -> [SecurityCode] {
        var moved: [SecurityCode] = []
        moved.reserveCapacity(codes.count)
        var local: [Market: ExchangeTime] = [:]
        for m in Market.allCases where schedule.isTrading(m, at: date) { local[m] = ExchangeTime(date, market: m) }
        for code in codes {
            guard let t = local[code.market] else { continue }
            markets[code]!.step(at: date, local: t)
            moved.append(code)
        }
        return moved
    }

    /// Bars before today plus today's, oldest first, at most `count` (the tail).
    func bars(_ code: SecurityCode, _ period: BarPeriod, count: Int) -> [SimBar] {
        guard let market = markets[code] else { return [] }
        let today = market.bars[period] ?? []
        if today.count >= count { return Array(today.suffix(count)) }
        let past = history(code, period)
        let todayStart = today.first?.start ?? Int64.max
        let older = past.filter { $0.start < todayStart }
        return Array((older + today).suffix(count))
    }

    /// Every bar (history and today) whose label lies within [begin, end] local seconds.
    func bars(_ code: SecurityCode, _ period: BarPeriod, from begin: Int64, to end: Int64) -> [SimBar] {
        guard let market = markets[code] else { return [] }
        let today = market.bars[period] ?? []
        let todayStart = today.first?.start ?? Int64.max
        let all = history(code, period).filter { $0.start < todayStart } + today
        return all.filter { $0.start >= begin - (period.seconds.map(Int64.init) ?? 0) && $0.start <= end }
            .filter { bar in
                let label = ExchangeTime.parse(bar.time) ?? bar.start
                return label >= begin && label <= end
            }
    }

    /// Synthetic, seed-determined bars for the days before the session, walked backwards from
    /// the previous close so the chart joins today's first bar.
    private func history(_ code: SecurityCode, _ period: BarPeriod) -> [SimBar] {
        let key = HistoryKey(code: code, period: period)
        if let cached = historyCache[key] { return cached }
        guard let market = markets[code] else { return [] }
        let instrument = market.instrument
        let rules = instrument.tickRules
        let index = UInt64(codes.firstIndex(of: code) ?? 0)
        var random = SeededRandom(seed: seed ^ (index &* 0xA24B_AED4_963E_E407) ^ UInt64(period.klType) << 40)
        let dayStart = sessionStart[code.market]!
        // Bucket starts before today, newest first.
        var starts: [Int64] = []
        switch period {
        case .day, .week, .month:
            var d = dayStart - 86_400
            var seen = Set<Int64>()
            while starts.count < 800 && d > dayStart - 86_400 * 3650 {
                let t = ExchangeTime(localSeconds: d)
                if t.weekday != 0 && t.weekday != 6 {
                    let s = InstrumentMarket.bucketStart(period, t)
                    if seen.insert(s).inserted { starts.append(s) }
                }
                d -= 86_400
            }
        default:
            let secs = Int64(period.seconds!)
            var s = dayStart - secs
            while starts.count < 1000 {
                let t = ExchangeTime(localSeconds: s)
                if t.weekday != 0 && t.weekday != 6 { starts.append(s) }
                s -= secs
            }
        }
        let perBarVol: Double = {
            switch period {
            case .day: return 0.015
            case .week: return 0.03
            case .month: return 0.06
            default: return instrument.baseVolatility * Double(period.seconds!).squareRoot()
            }
        }()
        var close = instrument.referencePrice
        var newestFirst: [SimBar] = []
        newestFirst.reserveCapacity(starts.count)
        for start in starts {
            let move = perBarVol * random.gaussian()
            let open = rules.floor(Price(micros: max(Int64(Double(close.micros) * (1 - move)), 1)))
            let hi = rules.ceil(Price(micros: Int64(Double(max(open, close).micros) * (1 + abs(random.gaussian()) * perBarVol * 0.4))))
            let lo = rules.floor(Price(micros: Int64(Double(min(open, close).micros) * (1 - abs(random.gaussian()) * perBarVol * 0.4))))
            let vol = instrument.tradingUnit * random.int(in: 50...5000) * (period.seconds == nil ? 100 : 1)
            let mid = (open.micros + close.micros) / 2
            newestFirst.append(SimBar(start: start, time: InstrumentMarket.bucketLabel(period, start: start),
                                      timestamp: Double(start - utcOffset[code.market]!), open: open, high: max(hi, open, close),
                                      low: max(min(lo, open, close), rules.minimum), close: close,
                                      previousClose: open, volume: vol, turnover: mid * vol / Price.scale))
            close = open
        }
        var bars = Array(newestFirst.reversed())
        for i in bars.indices { bars[i].previousClose = i > 0 ? bars[i - 1].close : bars[i].open }
        historyCache[key] = bars
        return bars
    }

    /// The market state of `code`'s exchange now.
    func state(_ market: Market, at date: Date) -> MarketState { schedule.state(market, at: date) }
}
