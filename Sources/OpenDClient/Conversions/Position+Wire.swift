import OpenDProtocol
import TradingKit

extension Position {
    /// A holding of a 2102 reply. Shorts (`positionSide` 1) get a negative quantity; the cost is
    /// the average cost when sent, else the (deprecated) cost price, else the diluted cost.
    public init(wire p: TrdCommon_Position, trdMarket: Int32?) throws {
        let code = try SecurityCode(
            tradeCode: p.code, secMarket: p.hasSecMarket ? p.secMarket : nil,
            trdMarket: p.hasTrdMarket ? p.trdMarket : trdMarket)
        var quantity = WireQuantity.shares(p.qty)
        if p.positionSide == 1, quantity > 0 { quantity = -quantity }
        let cost: Double
        if p.hasAverageCostPrice {
            cost = p.averageCostPrice
        } else if p.hasCostPrice {
            cost = p.costPrice
        } else {
            cost = p.dilutedCostPrice
        }
        self.init(
            id: p.positionID, code: code, name: p.name, quantity: quantity,
            sellableQuantity: WireQuantity.shares(p.canSellQty),
            costPrice: Price(wire: cost), lastPrice: Price(wire: p.price),
            marketValue: Price(wire: p.val), profitLoss: Price(wire: p.plVal))
    }
}
