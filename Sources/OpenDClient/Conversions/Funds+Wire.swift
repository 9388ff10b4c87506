import OpenDProtocol
import TradingKit

extension Funds {
    /// The funds of a 2101 reply; `fallbackCurrency` names the money when the gateway omits it.
    public init(wire f: TrdCommon_Funds, fallbackCurrency: String) {
        self.init(
            buyingPower: Price(wire: f.power),
            totalAssets: Price(wire: f.totalAssets),
            cash: Price(wire: f.cash),
            marketValue: Price(wire: f.marketVal),
            frozenCash: Price(wire: f.frozenCash),
            availableWithdrawal: Price(wire: f.avlWithdrawalCash),
            unrealizedPL: Price(wire: f.unrealizedPl),
            realizedPL: Price(wire: f.realizedPl),
            currency: (f.hasCurrency ? WireCurrency.name(f.currency) : nil) ?? fallbackCurrency)
    }
}
