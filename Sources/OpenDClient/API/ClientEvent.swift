import TradingKit

/// What the client tells the app, already in TradingKit terms: connection changes and pushes.
public enum ClientEvent: Sendable {
    case connection(ConnectionState)
    case quote(Quote)
    case orderBook(OrderBook)
    case ticks(SecurityCode, [Tick])
    /// Ticker prints of a code lost because the consumer fell behind the bounded ring.
    case ticksDropped(SecurityCode, Int)
    case bars(SecurityCode, BarPeriod, [Bar])
    case order(Order)
    case fill(Fill)
    /// A price reminder triggered (Qot_UpdatePriceReminder 3019).
    case priceAlert(PriceAlertTrigger)
    /// A gateway notice (Notify 1003) or a push mootui could not use, in one line.
    case notice(String)
}
