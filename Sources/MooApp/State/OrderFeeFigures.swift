import TradingKit

/// Fees a gateway reported for an order, and how much of it had filled when they were asked for.
struct ReportedFees: Sendable, Hashable {
    var filledQuantity: Int64
    var fees: FeeBreakdown
}

/// An order's fees as the screen shows them: the gateway's figure, or the local schedule's
/// estimate (SIMULATE accounts, which OpenD does not report, or while the report is pending).
public enum FeeFigure: Sendable, Hashable {
    case reported(Price)
    case estimated(Price)

    /// "86.26", or "≈86.26" for an estimate.
    public var text: String {
        switch self {
        case .reported(let p): return NumberFormat.money(p)
        case .estimated(let p): return "≈" + NumberFormat.money(p)
        }
    }
}

extension AppState {
    /// The fees of `order` so far; nil while nothing has filled, or when neither the gateway
    /// reported them nor the schedule knows the market.
    public func fees(of order: Order) -> FeeFigure? {
        guard order.filledQuantity > 0 else { return nil }
        if let r = reportedFees[order.id], r.filledQuantity == order.filledQuantity { return .reported(r.fees.total) }
        guard feeSchedule.rules[order.code.market] != nil else { return nil }
        let fill = FilledAmount(quantity: order.filledQuantity, value: order.averageFillPrice.notional(order.filledQuantity))
        return .estimated(feeSchedule.fees(market: order.code.market, side: order.side, fill: fill).total)
    }

    /// What an order of `quantity` at `price` would pay if it filled whole (the ticket's estimate).
    public func estimatedFees(_ code: SecurityCode, _ side: OrderSide, quantity: Int64, price: Price) -> Price {
        feeSchedule.fees(market: code.market, side: side, fill: FilledAmount(quantity: quantity, value: price.notional(quantity))).total
    }
}

extension AppReducer {
    /// REAL orders that are done filling and whose reported fees are missing or older than their
    /// fill: one request per account for all of them (OpenD allows 10 a 30 s per account, so not per fill).
    static func feeRequests(for orders: [Order], _ state: AppState) -> [Effect] {
        guard state.environment == .real else { return [] }
        var wanted: [Account: [String: Int64]] = [:]
        for o in orders where o.filledQuantity > 0 && !o.status.isWorking
            && state.reportedFees[o.id]?.filledQuantity != o.filledQuantity
        {
            guard let account = state.tradingAccount(of: o), account.environment == .real else { continue }
            wanted[account, default: [:]][o.id] = o.filledQuantity
        }
        return wanted.sorted { $0.key.id < $1.key.id }.map { .fetchOrderFees($0.value, $0.key) }
    }
}
