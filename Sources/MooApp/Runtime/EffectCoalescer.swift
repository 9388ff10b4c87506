import Foundation
import TradingKit

/// Latest-wins for the effects that are queries: at most one of each kind runs, and at most one
/// more waits; a newer one replaces the waiting one.
///
/// OpenD limits most of these calls (Trd_GetMaxTrdQtys 10 per 30 s per account, snapshots and
/// history 60, funds/positions/orders refreshes 10). The client waits inside those limits, so
/// without this every ticket opened, or every order event that asks for the portfolio, queued one
/// more suspended request: opening the ticket 400 times in a few seconds held 400 requests
/// (about 32 KB each) for 20 minutes, answering tickets long closed. Only the newest answer of a
/// query matters, so older unstarted ones are dropped.
final class EffectCoalescer: @unchecked Sendable {
    private let lock = NSLock()
    /// Per key: present while one runs; the value is the one waiting to run next.
    private var waiting: [Key: Effect?] = [:]

    enum Key: Hashable {
        case maxQuantities
        case portfolio
        case quota
        case limits
        case history(CandleSeries)
        case snapshots([SecurityCode])
    }

    /// The key of a query effect that may be coalesced; nil for commands (orders, cancels,
    /// subscriptions, watchlist saves), which always run, each one, in order.
    static func key(of effect: Effect) -> Key? {
        switch effect {
        case .fetchMaxQuantities: return .maxQuantities
        case .loadPortfolio: return .portfolio
        case .refreshQuota: return .quota
        case .refreshLimits: return .limits
        case .loadHistory(let series, _): return .history(series)
        case .loadSnapshots(let codes): return .snapshots(codes)
        default: return nil
        }
    }

    /// Offers `effect` under `key`: true when the caller must run it now (none of its kind is
    /// running); false when it now waits in place of any older waiting one.
    func offer(_ effect: Effect, key: Key) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if waiting[key] != nil {
            waiting[key] = .some(effect)
            return false
        }
        waiting[key] = .some(nil)
        return true
    }

    /// After one of `key` finished: the waiting one to run next, or nil (and the kind is idle).
    func next(after key: Key) -> Effect? {
        lock.lock(); defer { lock.unlock() }
        if let queued = waiting[key], let effect = queued {
            waiting[key] = .some(nil)
            return effect
        }
        waiting[key] = nil
        return nil
    }
}
