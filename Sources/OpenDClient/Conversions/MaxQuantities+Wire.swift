import OpenDProtocol
import TradingKit

extension MaxQuantities {
    /// The 2111 answer, already in whole lots on the wire.
    public init(wire m: TrdCommon_MaxTrdQtys) {
        self.init(
            cashBuy: WireQuantity.shares(m.maxCashBuy),
            cashAndMarginBuy: WireQuantity.shares(m.maxCashAndMarginBuy),
            positionSell: WireQuantity.shares(m.maxPositionSell),
            sellShort: WireQuantity.shares(m.maxSellShort),
            buyBack: WireQuantity.shares(m.maxBuyBack))
    }
}
