/// The pushes that are conflated between the socket and the app, each with its proto id.
/// Order books, quotes and the current K-line collapse to the newest per (code, sub-type);
/// ticker prints are kept in order in a bounded ring.
public enum PushKind: UInt8, Sendable, CaseIterable {
    case orderBook
    case quote
    case kline
    case ticker

    /// The kind carried by push protocol `protoID`, or nil for pushes that are not conflated.
    @inline(__always)
    public init?(protoID: UInt32) {
        switch protoID {
        case 3013: self = .orderBook
        case 3005: self = .quote
        case 3007: self = .kline
        case 3011: self = .ticker
        default: return nil
        }
    }

    /// The proto id of this kind's push.
    public var protoID: UInt32 {
        switch self {
        case .orderBook: 3013
        case .quote: 3005
        case .kline: 3007
        case .ticker: 3011
        }
    }
}
