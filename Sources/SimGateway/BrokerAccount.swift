import TradingKit

/// A paper account: one market, one currency, cash in micros.
struct BrokerAccount: Sendable, Hashable {
    var id: UInt64
    var environment: TradingEnvironment
    /// `Trd_Common.TrdMarket`.
    var trdMarket: Int32
    /// "HKD", "USD", "CNY".
    var currency: String
    var cash: Price

    /// `Trd_Common.Currency`: 1 HKD, 2 USD, 3 CNH.
    var currencyWire: Int32 {
        switch currency {
        case "HKD": return 1
        case "USD": return 2
        default: return 3
        }
    }

    /// True when `code` trades in this account.
    func trades(_ code: SecurityCode) -> Bool { code.market.trdMarket(env: environment) == trdMarket }
}
