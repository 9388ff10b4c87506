import Foundation
import OpenDProtocol

/// OpenD's request limits as the gateway enforces them: the documented table
/// (``DocumentedRateLimit``, shared with the client) as sliding windows, refusing what breaks them.
struct RateLimiter {
    private var history: [String: [TimeInterval]] = [:]
    /// False admits everything (the simulator's benchmark switch, `--no-rate-limits`).
    var enforcing = true

    /// Records a request of `proto` (for `account` when the limit is per account) if its limit
    /// allows it; otherwise returns OpenD-like wording of the refusal. `refreshing` is the
    /// request's `refreshCache` flag: cache reads of funds, positions, orders and fills are free.
    mutating func admit(_ proto: ProtoID, account: UInt64? = nil, refreshing: Bool = true, at date: Date) -> String? {
        guard enforcing, let rule = DocumentedRateLimit.all[proto] else { return nil }
        if rule.countsOnlyWhenRefreshing && !refreshing { return nil }
        let key = rule.perAccount ? "\(proto.rawValue)|\(account ?? 0)" : "\(proto.rawValue)"
        let window = Self.seconds(rule.window), spacing = Self.seconds(rule.minimumSpacing)
        let now = date.timeIntervalSince1970
        var stamps = history[key, default: []]
        stamps.removeAll { now - $0 >= window }
        defer { history[key] = stamps }
        if spacing > 0, let last = stamps.last, now - last < spacing {
            return "Requests too frequent: at least \(Int(spacing * 1000)) ms must pass between two such requests"
        }
        if stamps.count >= rule.limit {
            return "Requests too frequent: at most \(rule.limit) such requests per \(Int(window)) seconds"
        }
        stamps.append(now)
        return nil
    }

    private static func seconds(_ d: Duration) -> TimeInterval {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
