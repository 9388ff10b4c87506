import Foundation
import TradingKit

/// Company facts the simulator invents for the stock filter, capital flow and corporate actions:
/// fixed by the seed and the code (not the universe position, so a user's added instrument gets its
/// own), in plausible ranges for the market and kind.
struct Fundamentals: Sendable {
    /// Shares in issue and the part that trades freely.
    let totalShares: Int64
    let floatShares: Int64
    /// Valuation ratios (multiples, not percent).
    let peAnnual: Double
    let peTTM: Double
    let pbRate: Double
    let psTTM: Double
    let pcfTTM: Double
    /// Financial statement figures by FinancialField number, for the annual report; quarterly
    /// reports scale flows down (see ``financial(_:quarter:)``).
    private let annual: [Int32: Double]

    init(instrument: Instrument, seed: UInt64) {
        var r = SeededRandom(seed: seed ^ Self.hash(instrument.code.description))
        let price = Double(instrument.referencePrice.micros) / Double(Price.scale)
        // Market capitalisation, log-uniform within the market's typical range (local currency).
        let (lowCap, highCap): (Double, Double) = {
            if instrument.kind == .fund { return (2e9, 6e11) }
            switch instrument.code.market {
            case .hk: return (1e9, 4e12)
            case .us: return (3e8, 3.5e12)
            case .sh, .sz: return (5e9, 2.5e12)
            }
        }()
        let cap = exp(log(lowCap) + r.unit() * (log(highCap) - log(lowCap)))
        totalShares = max(Int64(cap / max(price, 0.0001)), 1_000_000)
        floatShares = Int64(Double(totalShares) * (0.55 + 0.45 * r.unit()))
        // A loss-maker now and then (and always for penny stocks): negative earnings multiples.
        let lossMaking = price < 1 || r.unit() < 0.08
        let pe = 6 + r.unit() * 44
        peTTM = lossMaking ? -(5 + r.unit() * 60) : pe
        peAnnual = lossMaking ? -(5 + r.unit() * 60) : pe * (0.85 + 0.3 * r.unit())
        pbRate = 0.4 + r.unit() * r.unit() * 12
        psTTM = 0.5 + r.unit() * 15
        pcfTTM = 3 + r.unit() * 40
        let revenue = cap / psTTM
        let netMargin = lossMaking ? -(2 + r.unit() * 30) : 3 + r.unit() * 35
        let netProfit = revenue * netMargin / 100
        var a: [Int32: Double] = [:]
        a[1] = netProfit
        a[2] = -30 + r.unit() * 90
        a[3] = revenue
        a[4] = -15 + r.unit() * 55
        a[5] = netMargin
        a[6] = max(netMargin + 5 + r.unit() * 40, 1)
        a[7] = 15 + r.unit() * 70
        a[8] = lossMaking ? -(r.unit() * 25) : 2 + r.unit() * 28
        a[9] = a[8]! * (0.6 + 0.3 * r.unit())
        a[10] = a[8]! * (0.3 + 0.4 * r.unit())
        a[11] = netProfit * 1.35
        a[12] = abs(netProfit) * 1.8
        a[13] = netMargin * 1.3
        a[14] = netMargin * 1.35
        a[15] = netMargin * 1.8
        a[16] = 0.5 + r.unit() * 6
        a[17] = netProfit * 1.25
        a[18] = netProfit * 0.95
        a[19] = 60 + r.unit() * 90
        // Liquidity ratios, in percent as OpenD gives them (a current ratio of 1.5 is 150).
        a[20] = 20 + r.unit() * 280
        a[21] = a[20]! * (0.5 + 0.45 * r.unit())
        a[22] = 20 + r.unit() * 70
        a[23] = 15 + r.unit() * 60
        a[24] = 110 + r.unit() * 500
        a[25] = 20 + r.unit() * 300
        a[26] = cap * (0.02 + 0.2 * r.unit())
        a[27] = 10 + r.unit() * 150
        a[28] = 50 + r.unit() * 900
        a[29] = 100 + r.unit() * 1500
        a[30] = netProfit * (0.8 + 0.8 * r.unit())
        a[31] = revenue * (0.05 + 0.3 * r.unit())
        for field in 32...41 { a[Int32(field)] = -40 + r.unit() * 120 }
        a[42] = 70 + r.unit() * 60
        a[43] = 60 + r.unit() * 45
        a[44] = netProfit / Double(totalShares)
        a[45] = a[44]! * (0.97 + 0.02 * r.unit())
        a[46] = a[30]! / Double(totalShares)
        annual = a
    }

    /// FinancialField values this model knows (1…46).
    static let financialFields: ClosedRange<Int32> = 1...46

    /// Fields that are flows over the reporting period (scaled down for quarterly reports).
    private static let flowFields: Set<Int32> = [1, 3, 11, 12, 17, 18, 30, 44, 45, 46]

    /// A financial figure for the report `quarter` (FinancialQuarter: 1 annual, 2 Q1, 3 interim,
    /// 4 Q3, 5 most recent quarter), or nil for an unknown field.
    func financial(_ field: Int32, quarter: Int32) -> Double? {
        guard let value = annual[field] else { return nil }
        guard Self.flowFields.contains(field) else { return value }
        switch quarter {
        case 2, 5: return value / 4
        case 3: return value / 2
        case 4: return value * 3 / 4
        default: return value
        }
    }

    /// Cash dividend per share paid each year (0 for funds and loss-makers).
    func yearlyDividend(price: Double) -> Double {
        guard peTTM > 0, let eps = annual[44], eps > 0 else { return 0 }
        return (eps * 0.35 * 1000).rounded() / 1000
    }

    /// FNV-1a of a code, so each code's facts are its own.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}
