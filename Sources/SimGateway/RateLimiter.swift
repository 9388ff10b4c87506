import Foundation

/// OpenD's request limits (reference E.8): "n per 30 s" as a sliding window (request 1 and
/// request n+1 must be more than 30 s apart), plus a minimum gap for order placement/changes.
struct RateLimiter {
    /// One limit: `count` requests per `window` seconds, at least `spacing` seconds apart.
    struct Rule {
        var count: Int
        var window: TimeInterval = 30
        var spacing: TimeInterval = 0
    }

    private var history: [String: [TimeInterval]] = [:]

    /// Records a request under `key` if `rule` allows it; otherwise returns the reason.
    mutating func admit(_ key: String, _ rule: Rule, at date: Date) -> String? {
        let now = date.timeIntervalSince1970
        var stamps = history[key, default: []]
        stamps.removeAll { now - $0 >= rule.window }
        if rule.spacing > 0, let last = stamps.last, now - last < rule.spacing {
            history[key] = stamps
            return "Requests too frequent: at least \(Int(rule.spacing * 1000)) ms must pass between two such requests"
        }
        if stamps.count >= rule.count {
            history[key] = stamps
            return "Requests too frequent: at most \(rule.count) such requests per \(Int(rule.window)) seconds"
        }
        stamps.append(now)
        history[key] = stamps
        return nil
    }
}
