import OpenDProtocol

/// Client-side pacing of OpenD's documented rate limits (protocol reference E.8).
///
/// A limit "n per 30 s" is a sliding window: request k and request k+n must be more than 30 s
/// apart. Place and modify orders also need a minimum gap between consecutive requests. The
/// limiter never refuses: ``reserve(_:accountID:at:)`` books the earliest allowed send time and
/// returns how long the caller must wait for it. Times are durations since any fixed origin
/// (the connection's clock), which keeps the limiter a plain value that tests drive by hand.
public struct RateLimiter: Sendable {
    /// One documented limit (shared with the simulated OpenD, see ``DocumentedRateLimit``).
    public typealias Rule = DocumentedRateLimit

    /// What a window is counted over: a protocol, and the account for per-account limits.
    public struct Key: Sendable, Hashable {
        /// The limited protocol.
        public var protoID: UInt32
        /// The trading account, for per-account limits; nil for per-user ones.
        public var accountID: UInt64?
    }

    /// The limits in force, by protocol id.
    public var rules: [UInt32: Rule]
    /// Added to every window so network jitter cannot make two requests look closer to OpenD.
    public var margin: Duration
    /// Booked send times per key, ascending.
    private var booked: [Key: [Duration]] = [:]

    /// A limiter enforcing `rules` (default: the documented ones) with `margin` of slack.
    public init(rules: [UInt32: Rule] = RateLimiter.documentedRules, margin: Duration = .milliseconds(50)) {
        self.rules = rules
        self.margin = margin
    }

    /// The documented limits for the protocols mootui speaks (E.8), by protocol id.
    public static let documentedRules: [UInt32: Rule] = Dictionary(
        uniqueKeysWithValues: DocumentedRateLimit.all.map { ($0.key.rawValue, $0.value) })

    /// The key a request of `protoID` for `accountID` is counted under, or nil when unlimited.
    public func key(for protoID: UInt32, accountID: UInt64?) -> Key? {
        guard let rule = rules[protoID] else { return nil }
        return Key(protoID: protoID, accountID: rule.perAccount ? accountID : nil)
    }

    /// Books the earliest slot for a request sent no earlier than `now`; returns the wait (zero if none).
    public mutating func reserve(_ protoID: UInt32, accountID: UInt64?, at now: Duration) -> Duration {
        reserve(protoID, accountID: accountID, at: now, waitingAtMost: nil)!
    }

    /// Books the earliest slot, as ``reserve(_:accountID:at:)``, only if its wait is at most
    /// `maxWait` (nil: any wait); otherwise books nothing and returns nil. Orders use this: an
    /// order that would leave long after the trader pressed Enter is refused instead of queued.
    public mutating func reserve(_ protoID: UInt32, accountID: UInt64?, at now: Duration,
                                 waitingAtMost maxWait: Duration?) -> Duration? {
        guard let rule = rules[protoID], let key = key(for: protoID, accountID: accountID) else { return .zero }
        var times = pruned(booked[key] ?? [], rule: rule, now: now)
        let slot = earliestSlot(in: times, rule: rule, now: now)
        if let maxWait, slot - now > maxWait { return nil }
        times.append(slot)
        booked[key] = times
        return slot - now
    }

    /// The window's use and the wait before another request, without booking anything.
    public func budget(for protoID: UInt32, accountID: UInt64?, at now: Duration) -> RateBudget {
        guard let rule = rules[protoID], let key = key(for: protoID, accountID: accountID) else {
            return RateBudget(limit: 0, used: 0, nextSlotIn: nil)
        }
        let times = booked[key] ?? []
        let used = times.filter { $0 > now - rule.window }.count
        let wait = earliestSlot(in: pruned(times, rule: rule, now: now), rule: rule, now: now) - now
        return RateBudget(limit: rule.limit, used: used, nextSlotIn: wait > .zero ? wait : nil)
    }

    private func pruned(_ times: [Duration], rule: Rule, now: Duration) -> [Duration] {
        let horizon = now - rule.window - margin
        guard let first = times.firstIndex(where: { $0 > horizon }) else { return [] }
        return Array(times[first...])
    }

    private func earliestSlot(in times: [Duration], rule: Rule, now: Duration) -> Duration {
        var slot = now
        if let last = times.last {
            slot = max(slot, last + rule.minimumSpacing)
        }
        if rule.limit > 0, times.count >= rule.limit {
            slot = max(slot, times[times.count - rule.limit] + rule.window + margin)
        }
        return slot
    }
}
