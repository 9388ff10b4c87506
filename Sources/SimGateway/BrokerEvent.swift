/// Something the broker did that clients may be told about by push.
enum BrokerEvent: Sendable {
    case order(BrokerOrder)
    case fill(BrokerFill)
}
