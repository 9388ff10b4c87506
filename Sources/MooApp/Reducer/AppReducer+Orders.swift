import TradingKit

/// The orders pane beyond cancel and modify: cancel every working order, and reprice the
/// selected one by one tick through the ticket's own validation.
extension AppReducer {
    /// The order under the orders pane's cursor.
    static func selectedOrder(_ state: AppState) -> Order? {
        state.orders.indices.contains(state.orderCursor) ? state.orders[state.orderCursor] : nil
    }

    /// `+` / `-`: the selected working limit order one tick up or down. The new price goes
    /// through the same checks as the ticket (tick grid, lot, position); on SIMULATE the modify
    /// is sent at once, on REAL the modify ticket opens at the new price for the confirm step.
    static func repriceSelected(up: Bool, _ state: inout AppState) -> [Effect] {
        guard let order = selectedOrder(state) else { return [] }
        guard order.status.isWorking else {
            say("order \(order.id) is \(order.status), not working", error: true, &state)
            return []
        }
        guard order.type == .limit else {
            say("order \(order.id) is a market order: it has no price to step", error: true, &state)
            return []
        }
        let tick = state.securities[order.code]?.tickRules ?? TickRules.forCode(order.code)
        let price = tick.step(order.price, by: up ? 1 : -1)
        guard price != order.price else {
            say("\(order.price) is the lowest price \(order.code) takes", error: true, &state)
            return []
        }
        var t = makeTicket(order.code, side: order.side, price: price, quantity: order.quantity, state)
        t.modifyingOrderID = order.id
        t.type = order.type
        t.focus = .price
        guard let account = state.tradingAccount(of: order) else {
            say(state.noAccountReason(for: order.code), error: true, &state)
            return []
        }
        let from = order.price.formatted(minDecimals: tick.displayDecimals(near: order.price))
        if let problem = t.priceError ?? t.quantityError {
            say("cannot reprice \(order.id) to \(t.priceText): \(problem)", error: true, &state)
            return []
        }
        if state.environment == .real { return open(t, &state) }
        say("repricing \(order.id) \(from) → \(t.priceText)", error: false, &state)
        return [.modifyOrder(order.id, account, price: price, quantity: order.quantity)]
    }
}
