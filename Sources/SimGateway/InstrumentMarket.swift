import Foundation
import TradingKit

/// The live market in one instrument: a seeded price process with clustered volatility, a book
/// of at least ten levels a side on the tick grid, the tape, today's bars and time-share.
struct InstrumentMarket: Sendable {
    static let depth = 10
    static let tapeLimit = 1000
    static let barLimit = 1000

    let instrument: Instrument
    private var random: SeededRandom
    private var logVolatility: Double

    var last: Price
    var open: Price
    var high: Price
    var low: Price
    var previousClose: Price
    var volume: Int64 = 0
    /// Turnover in whole currency units (OpenD reports doubles; kept integral to stay exact).
    var turnover: Int64 = 0
    var asks: [BookLevel] = []
    var bids: [BookLevel] = []
    var tape: [TapePrint] = []
    var sequence: Int64 = 0
    var updates: Int64 = 0
    var bars: [BarPeriod: [SimBar]] = [:]
    var timeShare: [TimeSharePoint] = []
    var updateTime = ""
    var updateTimestamp: Double = 0

    init(instrument: Instrument, seed: UInt64) {
        self.instrument = instrument
        var r = SeededRandom(seed: seed)
        // Spread the day's start a little around the reference price so two seeds differ at once.
        let rules = instrument.tickRules
        let drift = 1 + (r.unit() - 0.5) * 0.01
        let start = rules.floor(Price(micros: Int64(Double(instrument.referencePrice.micros) * drift)))
        random = r
        logVolatility = log(instrument.baseVolatility)
        last = start
        open = start
        high = start
        low = start
        previousClose = instrument.referencePrice
        rebuildBook(buyerInitiated: true)
    }

    var rules: TickRules { instrument.tickRules }

    /// Sets the update time to the session's start (exchange-local), the last update a fresh
    /// market has had; trades move it on.
    mutating func stampStart(_ date: Date, local: ExchangeTime) {
        updateTime = local.text
        updateTimestamp = date.timeIntervalSince1970
    }

    /// Moves the market one update: a new price, one trade on the tape at the touch, a fresh book
    /// and the bars that trade lands in.
    mutating func step(at date: Date, local: ExchangeTime) {
        // Volatility clusters: log-vol is an AR(1) around the instrument's base.
        let base = log(instrument.baseVolatility)
        logVolatility = 0.97 * logVolatility + 0.03 * base + 0.25 * random.gaussian()
        logVolatility = min(max(logVolatility, base - 2), base + 2)
        let ret = exp(logVolatility) * random.gaussian()
        // Keep the simulated day within ±20 % of the reference by pulling back near the edges.
        let ratio = Double(last.micros) / Double(previousClose.micros)
        let pull = ratio > 1.15 ? -0.0005 : (ratio < 0.85 ? 0.0005 : 0)
        let target = Double(last.micros) * (1 + ret + pull)
        var price = rules.floor(Price(micros: Int64(max(target, 1))))
        if let max = rules.maximum, price > max { price = max }
        // Buyers lift the offer when the price rises, sellers hit the bid when it falls.
        let buyerInitiated = price > last || (price == last && random.unit() < 0.5)
        last = price
        let qty = instrument.tradingUnit * random.int(in: 1...10)
        record(price: price, quantity: qty, buyerInitiated: buyerInitiated, at: date, local: local)
        rebuildBook(buyerInitiated: buyerInitiated)
        updates += 1
    }

    /// Puts a print on the tape and into today's totals and bars (also used by the paper broker).
    mutating func record(price: Price, quantity: Int64, buyerInitiated: Bool, at date: Date, local t: ExchangeTime) {
        let stamp = date.timeIntervalSince1970
        last = price
        if price > high { high = price }
        if price < low { low = price }
        volume += quantity
        turnover += price.micros * quantity / Price.scale
        sequence += 1
        let text = t.text
        updateTime = text
        updateTimestamp = stamp
        tape.append(TapePrint(sequence: sequence, time: text, timestamp: stamp, price: price, volume: quantity,
                              direction: buyerInitiated ? 1 : 2))
        // Trim in chunks: removing from the front of an array is O(n).
        if tape.count > Self.tapeLimit + 200 { tape.removeFirst(tape.count - Self.tapeLimit) }
        for period in BarPeriod.allCases { addToBar(period, t, stamp, price, quantity) }
        addToTimeShare(t, stamp, price, quantity)
    }

    private mutating func addToBar(_ period: BarPeriod, _ t: ExchangeTime, _ stamp: Double, _ price: Price,
                                   _ qty: Int64) {
        let start = Self.bucketStart(period, t)
        // Mutate in place: copying the bar list out and back would cost O(bars) per trade.
        if let last = bars[period]?.last, last.start == start {
            bars[period]![bars[period]!.count - 1].add(price, qty)
        } else {
            let prev = bars[period]?.last?.close ?? previousClose
            let label = Self.bucketLabel(period, start: start)
            var bar = SimBar(start: start, time: label, timestamp: stamp, open: price, high: price, low: price,
                             close: price, previousClose: prev, volume: 0, turnover: 0)
            bar.add(price, qty)
            bars[period, default: []].append(bar)
            if bars[period]!.count > Self.barLimit + 100 { bars[period]!.removeFirst(bars[period]!.count - Self.barLimit) }
        }
    }

    private mutating func addToTimeShare(_ t: ExchangeTime, _ stamp: Double, _ price: Price, _ qty: Int64) {
        let minute = t.minuteOfDay
        let avg = volume > 0 ? Price(micros: turnover * Price.scale / volume) : price
        if var point = timeShare.last, point.minute == minute {
            point.price = price
            point.volume += qty
            point.turnover += price.micros * qty / Price.scale
            point.averagePrice = avg
            timeShare[timeShare.count - 1] = point
        } else {
            let label = ExchangeTime(localSeconds: t.localSeconds - Int64(t.second)).text
            timeShare.append(TimeSharePoint(minute: minute, time: label, timestamp: stamp, price: price,
                                            averagePrice: avg, volume: qty,
                                            turnover: price.micros * qty / Price.scale))
            if timeShare.count > 1540 { timeShare.removeFirst(timeShare.count - 1440) }
        }
    }

    /// Local seconds at which the bar containing `t` starts.
    static func bucketStart(_ period: BarPeriod, _ t: ExchangeTime) -> Int64 {
        if let secs = period.seconds { return t.localSeconds / Int64(secs) * Int64(secs) }
        switch period {
        case .week:
            let daysFromMonday = (t.weekday + 6) % 7
            return t.dayStart - Int64(daysFromMonday) * 86_400
        case .month:
            return ExchangeTime.days(year: t.year, month: t.month, day: 1) * 86_400
        default:
            return t.dayStart
        }
    }

    /// OpenD labels intraday bars by their end, day-and-longer bars by their date at midnight.
    static func bucketLabel(_ period: BarPeriod, start: Int64) -> String {
        if let secs = period.seconds { return ExchangeTime(localSeconds: start + Int64(secs)).text }
        return ExchangeTime(localSeconds: start).text
    }

    /// Re-quotes the book around the last price: the touch sits on the side the trade hit.
    private mutating func rebuildBook(buyerInitiated: Bool) {
        let rules = self.rules
        var bestAsk: Price
        var bestBid: Price
        if buyerInitiated {
            bestAsk = last
            bestBid = rules.previous(before: last)
            if bestBid >= bestAsk { bestAsk = rules.next(after: bestBid) }
        } else {
            bestBid = last
            bestAsk = rules.next(after: last)
        }
        if bestAsk <= bestBid { bestBid = rules.previous(before: bestAsk) }
        let unit = instrument.tradingUnit
        var newAsks: [BookLevel] = []
        var newBids: [BookLevel] = []
        newAsks.reserveCapacity(Self.depth)
        newBids.reserveCapacity(Self.depth)
        var p = bestAsk
        for _ in 0..<Self.depth {
            newAsks.append(BookLevel(price: p, volume: unit * random.int(in: 1...40),
                                     orderCount: Int32(random.int(in: 1...25))))
            let n = rules.next(after: p)
            if n == p { break }
            p = n
        }
        p = bestBid
        for _ in 0..<Self.depth {
            newBids.append(BookLevel(price: p, volume: unit * random.int(in: 1...40),
                                     orderCount: Int32(random.int(in: 1...25))))
            let n = rules.previous(before: p)
            if n == p { break }
            p = n
        }
        asks = newAsks
        bids = newBids
    }

    /// Takes liquidity for an incoming order: walks the opposite side while prices are within
    /// `limit` (nil = market order), removing what it takes. Returns the (price, quantity) slices.
    mutating func take(side: OrderSide, quantity: Int64, limit: Price?) -> [(price: Price, quantity: Int64)] {
        var remaining = quantity
        var slices: [(price: Price, quantity: Int64)] = []
        if side == .buy {
            while remaining > 0, var level = asks.first {
                if let limit, level.price > limit { break }
                let q = min(remaining, level.volume)
                slices.append((level.price, q))
                remaining -= q
                level.volume -= q
                if level.volume == 0 { asks.removeFirst() } else { asks[0] = level }
            }
        } else {
            while remaining > 0, var level = bids.first {
                if let limit, level.price < limit { break }
                let q = min(remaining, level.volume)
                slices.append((level.price, q))
                remaining -= q
                level.volume -= q
                if level.volume == 0 { bids.removeFirst() } else { bids[0] = level }
            }
        }
        return slices
    }

    /// The upward price step from the last price (OpenD's `priceSpread`).
    var priceSpread: Price { rules.tickUp(from: last) }
}
