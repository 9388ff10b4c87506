import Foundation
import TradingKit

/// Which state each simulated exchange is in at a given instant (reference E.10).
struct MarketSchedule: Sendable {
    let hours: MarketHours

    /// `Qot_Common.QotMarketState` for `market` at `date`.
    func state(_ market: Market, at date: Date) -> MarketState {
        guard hours == .real else { return market == .us ? .afternoon : .morning }
        let t = ExchangeTime(date, market: market)
        if t.weekday == 0 || t.weekday == 6 { return .closed }
        let m = t.minuteOfDay
        func at(_ h: Int, _ mm: Int) -> Int { h * 60 + mm }
        switch market {
        case .hk:
            switch m {
            case at(8, 55)..<at(9, 0): return .none
            case at(9, 0)..<at(9, 20): return .auction
            case at(9, 20)..<at(9, 30): return .waitingOpen
            case at(9, 30)..<at(12, 0): return .morning
            case at(12, 0)..<at(13, 0): return .rest
            case at(13, 0)..<at(16, 0): return .afternoon
            case at(16, 0)..<at(16, 8): return .closingAuction
            default: return .closed
            }
        case .us:
            switch m {
            case at(4, 0)..<at(9, 30): return .preMarket
            case at(9, 30)..<at(16, 0): return .afternoon
            case at(16, 0)..<at(20, 0): return .afterHours
            default: return .overnight
            }
        case .sh, .sz:
            switch m {
            case at(8, 55)..<at(9, 15): return .none
            case at(9, 15)..<at(9, 25): return .auction
            case at(9, 25)..<at(9, 30): return .waitingOpen
            case at(9, 30)..<at(11, 30): return .morning
            case at(11, 30)..<at(13, 0): return .rest
            case at(13, 0)..<at(15, 0): return .afternoon
            default: return .closed
            }
        }
    }

    /// True while continuous trading runs, so prices move and orders match.
    func isTrading(_ market: Market, at date: Date) -> Bool { state(market, at: date).isTrading }
}
