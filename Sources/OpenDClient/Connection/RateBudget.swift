/// How much of a rate limit is in use right now, for the UI.
public struct RateBudget: Sendable, Hashable {
    /// Requests allowed per window; 0 means the protocol has no documented limit.
    public var limit: Int
    /// Requests sent (or booked) within the current window.
    public var used: Int
    /// How long until the next request could go out; nil when it could go now.
    public var nextSlotIn: Duration?

    /// Values as given.
    public init(limit: Int, used: Int, nextSlotIn: Duration?) {
        self.limit = limit
        self.used = used
        self.nextSlotIn = nextSlotIn
    }
}
