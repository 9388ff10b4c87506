/// A place-order request that got no answer (the link dropped, or the gateway fell silent, after
/// it may have been sent): the order may or may not exist. `tag` is the order's remark, by which
/// an order list read afterwards tells which it is. Never a reason to send the order again.
public struct OrderOutcomeUnknown: Error, Sendable, Hashable, CustomStringConvertible {
    public var tag: String
    public var reason: String

    public init(tag: String, reason: String) {
        self.tag = tag
        self.reason = reason
    }

    public var description: String { "no answer to the order (\(reason)); it may or may not have been placed" }
}
