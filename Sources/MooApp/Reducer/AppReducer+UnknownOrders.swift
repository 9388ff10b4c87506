import TradingKit

/// Orders whose placing got no answer (the link dropped while they were on the way): shown as
/// UNKNOWN at the top of the orders pane until an order list read afterwards, on a live link,
/// says whether the gateway has them (found by their remark tag). The app never sends them again:
/// an order is neither lost (the trader is told) nor sent twice.
extension AppReducer {
    /// Records `request` (tagged by its remark) as an order of unknown outcome and asks for the
    /// order list (which fails while the link is down; the reconnect reads it again).
    static func noteUnknownOrder(_ request: OrderRequest, _ state: inout AppState) -> [Effect] {
        let row = Order(
            id: "?", numericID: 0, accountID: state.tradingAccount(for: request.code)?.id ?? 0, code: request.code,
            name: state.securities[request.code]?.name ?? "", side: request.side, type: request.type,
            status: .unknown, quantity: request.quantity, price: request.price, timeInForce: request.timeInForce,
            remark: request.remark)
        state.unknownOrders.append(row)
        state.orders.insert(row, at: 0)
        say("no answer to \(describe(row)): UNKNOWN until the order list is read again; it is not re-sent",
            error: true, &state)
        return [.loadPortfolio]
    }

    /// Settles every unknown order against `orders`, a list read on a live link after them.
    static func settleUnknownOrders(with orders: [Order], _ state: inout AppState) {
        guard !state.unknownOrders.isEmpty, state.connection.isLive else { return }
        for unknown in state.unknownOrders {
            if let found = orders.first(where: { $0.remark == unknown.remark }) {
                say("\(describe(unknown)) was placed after all: order \(found.id)", error: false, &state)
            } else {
                say("\(describe(unknown)) was not placed (the gateway never got it); send it again if still wanted",
                    error: true, &state)
            }
        }
        state.unknownOrders.removeAll()
    }

    /// A pushed order that carries an unknown order's tag settles it.
    static func settleUnknownOrder(pushed order: Order, _ state: inout AppState) {
        guard !order.remark.isEmpty, let i = state.unknownOrders.firstIndex(where: { $0.remark == order.remark })
        else { return }
        let unknown = state.unknownOrders.remove(at: i)
        state.orders.removeAll { $0.id == unknown.id && $0.remark == unknown.remark }
        say("\(describe(unknown)) was placed after all: order \(order.id)", error: false, &state)
    }

    private static func describe(_ o: Order) -> String {
        "the \(o.side == .buy ? "BUY" : "SELL") \(o.quantity) \(o.code) order"
    }
}
