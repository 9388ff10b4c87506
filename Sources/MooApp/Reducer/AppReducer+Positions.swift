import TradingKit

/// The positions pane: it takes the focus like the watchlist; the cursor's position selects its
/// code everywhere; `x` opens the ticket that closes it; `b` / `s` (global) add to or reduce it.
extension AppReducer {
    /// The position under the positions pane's cursor.
    static func selectedPosition(_ state: AppState) -> Position? {
        state.positions.indices.contains(state.positionCursor) ? state.positions[state.positionCursor] : nil
    }

    /// Moves the positions cursor and selects the position's code.
    static func movePositionCursor(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        guard !state.positions.isEmpty else { return [] }
        state.positionCursor = listCursor(state.positionCursor, after: action, count: state.positions.count)
        return selectPositionCode(&state)
    }

    /// A list pane's cursor after a cursor action: up and down by one, top/page-up to the first
    /// row, bottom/page-down to the last; always within the list (0 when it is empty).
    static func listCursor(_ cursor: Int, after action: AppAction, count: Int) -> Int {
        let last = max(0, count - 1)
        let moved: Int
        switch action {
        case .cursorUp: moved = cursor - 1
        case .cursorDown: moved = cursor + 1
        case .cursorTop, .pageUp: moved = 0
        case .cursorBottom, .pageDown: moved = last
        default: moved = cursor
        }
        return min(max(moved, 0), last)
    }

    /// Makes the selected position's code the selected code of every pane: its watchlist row, or
    /// (when the watchlist does not have it) a new row at the end of the watchlist.
    static func selectPositionCode(_ state: inout AppState) -> [Effect] {
        guard let pos = selectedPosition(state) else { return [] }
        if let i = state.watchlist.firstIndex(of: pos.code) { return select(i, &state) }
        state.watchlist.append(pos.code)
        if state.securities[pos.code] == nil, !pos.name.isEmpty {
            state.securities[pos.code] = SecurityInfo(code: pos.code, name: pos.name, lotSize: 0, kind: .stock)
        }
        var effects: [Effect] = watchlistEdited(adding: pos.code, state)
        effects += [.subscribe([pos.code], [.quote]), .loadSnapshots([pos.code]), .loadSecurityInfo([pos.code])]
        return effects + select(state.watchlist.count - 1, &state)
    }

    /// `x`: the ticket closing the position under the cursor (positions pane) or of the selected
    /// code (elsewhere).
    static func openClosingTicketForFocus(_ state: inout AppState) -> [Effect] {
        if state.focus == .positions {
            guard let pos = selectedPosition(state) else {
                say("no positions", error: true, &state)
                return []
            }
            return openClosingTicket(for: pos, &state)
        }
        guard let code = state.selectedCode else { return [] }
        guard let pos = state.positions.first(where: { $0.code == code }), pos.quantity != 0 else {
            say("no position in \(code) to close", error: true, &state)
            return []
        }
        return openClosingTicket(for: pos, &state)
    }

    /// A ticket on the opposite side for the whole sellable quantity (whole lots where the market
    /// trades only those), priced at the touch.
    static func openClosingTicket(for pos: Position, _ state: inout AppState) -> [Effect] {
        let side: OrderSide = pos.quantity > 0 ? .sell : .buy
        let lots = state.securities[pos.code]?.lotRules ?? LotRules.forCode(pos.code, lotSize: 1)
        let quantity = lots.closingQuantity(position: pos.quantity, sellable: pos.sellableQuantity)
        let held = pos.quantity.magnitude
        guard quantity > 0 else {
            let why = pos.quantity > 0 && pos.sellableQuantity <= 0
                ? "none of the \(held) held is sellable yet"
                : "the \(held) held is an odd lot (lot size \(lots.step)), which the board-lot book does not trade"
            say("cannot close \(pos.code) with one order: \(why)", error: true, &state)
            return []
        }
        let effects = open(makeTicket(pos.code, side: side, price: touch(pos.code, side, state), quantity: quantity, state),
                           &state)
        if quantity < held, state.modal != nil {
            say("closing \(quantity) of \(held) \(pos.code): the rest is not sellable in one order (odd lot or not yet sellable)",
                error: false, &state)
        }
        return effects
    }
}
