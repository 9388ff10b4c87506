import TerminalUI
import TradingKit

/// The order ticket inside the app: opening it from the watchlist, the ladder, a position, an
/// order or the `:` command line; routing keys to it; turning its effects into gateway work.
extension AppReducer {
    // MARK: opening

    /// A ticket for `code` with the rules and context the state knows.
    static func makeTicket(_ code: SecurityCode, side: OrderSide, price: Price?, quantity: Int64?,
                           _ state: AppState) -> OrderTicket {
        let info = state.securities[code]
        let tick = info?.tickRules ?? TickRules.forCode(code)
        let lots = info?.lotRules ?? LotRules.forCode(code, lotSize: 1)
        let held = state.positions.first { $0.code == code }?.quantity ?? 0
        var ticket = OrderTicket(
            code: code, name: state.name(of: code), environment: state.environment, side: side, price: price,
            quantity: quantity, tickRules: tick, lotRules: lots, position: held,
            referencePrice: state.quotes[code]?.last, isUnlocked: state.isTradeUnlocked)
        ticket.account = state.tradingAccount(for: code)
        ticket.buyingPower = ticket.account.flatMap { state.buyingPower(of: $0) }
        ticket.rateBudget = state.orderBudget?.summary
        return ticket
    }

    /// Opens `ticket` as the modal and asks for its max quantities.
    static func open(_ ticket: OrderTicket, _ state: inout AppState) -> [Effect] {
        guard let account = ticket.account else {
            say(state.noAccountReason(for: ticket.code), error: true, &state)
            return []
        }
        state.modal = .ticket(ticket)
        guard let p = ticket.price else { return [] }
        return [.fetchMaxQuantities(ticket.code, p, ticket.type, account)]
    }

    /// The price an order on `side` meets now: the best ask to buy, the best bid to sell, else last.
    static func touch(_ code: SecurityCode, _ side: OrderSide, _ state: AppState) -> Price? {
        let book = state.books[code]
        return (side == .buy ? book?.bestAsk?.price : book?.bestBid?.price) ?? state.quotes[code]?.last
    }

    /// `b` / `s` on the selected code: priced at the touch.
    static func openTicket(side: OrderSide, _ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode else { return [] }
        return open(makeTicket(code, side: side, price: touch(code, side, state), quantity: nil, state), &state)
    }

    /// Enter on a ladder level: buy at an ask level, sell at a bid level, at that price.
    static func openTicketAtLevel(_ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode, let book = state.books[code] else { return [] }
        let row = state.bookCursor
        if row < 10 {
            let i = 9 - row
            guard book.asks.indices.contains(i) else { return [] }
            return open(makeTicket(code, side: .buy, price: book.asks[i].price, quantity: nil, state), &state)
        }
        let i = row - 10
        guard book.bids.indices.contains(i) else { return [] }
        return open(makeTicket(code, side: .sell, price: book.bids[i].price, quantity: nil, state), &state)
    }

    /// `m` on a working order: the ticket prefilled from it, in modify mode.
    static func openModifyTicket(_ state: inout AppState) -> [Effect] {
        guard state.orders.indices.contains(state.orderCursor) else { return [] }
        let order = state.orders[state.orderCursor]
        guard order.status.isWorking else {
            say("order \(order.id) is \(order.status), not working", error: true, &state)
            return []
        }
        var t = makeTicket(order.code, side: order.side, price: order.price, quantity: order.quantity, state)
        t.modifyingOrderID = order.id
        t.type = order.type
        t.focus = .price
        return open(t, &state)
    }

    // MARK: keys

    /// Keys while the ticket is open. The password prompt takes every printable key.
    static func handleTicket(key: Key, _ ticket: OrderTicket, _ state: inout AppState) -> [Effect] {
        var t = ticket
        let action: TicketAction?
        if case .unlocking = t.phase {
            switch key {
            case .enter: action = .submit
            case .escape: action = .cancel
            case .backspace: action = .backspace
            case let .character(c): action = .type(c)
            default: action = nil
            }
        } else if let name = state.keymap.action(for: key, modes: [KeymapMode.ticket.rawValue]),
                  let a = AppAction(rawValue: name) {
            switch a {
            case .ticketSubmit: action = .submit
            case .ticketClose: action = .cancel
            case .ticketFieldNext: action = .nextField
            case .ticketFieldPrevious: action = .previousField
            case .ticketIncrease: action = .increment
            case .ticketDecrease: action = .decrement
            case .ticketSideToggle: action = .toggleSide
            case .ticketMax: action = .maxQuantity
            default: action = nil
            }
        } else {
            switch key {
            case let .character(c): action = .type(c)
            case .backspace, .delete: action = .backspace
            case .escape: action = .cancel
            case .enter: action = .submit
            default: action = nil
            }
        }
        guard let action else { return [] }
        let effects = t.handle(action)
        state.modal = .ticket(t)
        var out: [Effect] = []
        for e in effects {
            switch e {
            case let .place(request):
                if let a = t.account { out.append(.placeOrder(request, a)) }
            case let .modify(id, price, quantity):
                if let a = t.account { out.append(.modifyOrder(id, a, price: price, quantity: quantity)) }
            case let .unlock(password): out.append(.unlockTrade(password))
            case let .fetchMaxQuantities(code, price, type):
                if let a = t.account { out.append(.fetchMaxQuantities(code, price, type, a)) }
            case .close: state.modal = nil
            }
        }
        return out
    }

    // MARK: command line and confirmations

    /// Enter on the `:` command line.
    static func submitCommand(_ text: String, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        let command: OrderCommandLine.Command
        do {
            command = try OrderCommandLine.parse(text)
        } catch {
            say(error.message, error: true, &state)
            return []
        }
        switch command {
        case let .order(side, quantity, code, price, type, tif):
            let qty: Int64?
            switch quantity {
            case let .shares(n): qty = n
            case .all:
                guard let held = state.positions.first(where: { $0.code == code })?.quantity, held > 0 else {
                    say("no position in \(code) to sell", error: true, &state)
                    return []
                }
                qty = held
            }
            var t = makeTicket(code, side: side, price: price ?? (type == .market ? nil : state.quotes[code]?.last),
                               quantity: qty, state)
            t.type = type
            if let tif, t.allowedTimeInForce.contains(tif) { t.timeInForce = tif }
            t.focus = type == .market ? .quantity : .price
            var effects = open(t, &state)
            if state.securities[code] == nil { effects.append(.loadSecurityInfo([code])) }
            return effects
        case let .cancel(id):
            guard let order = state.orders.first(where: { $0.id == id }) else {
                say("no order \(id) today", error: true, &state)
                return []
            }
            askToCancel(order, &state)
        case let .cancelAll(code):
            askToCancelAll(of: code, &state)
        }
        return []
    }

    /// `c` in the orders pane: confirm, then cancel the order under the cursor.
    static func confirmCancelSelected(_ state: inout AppState) -> [Effect] {
        guard state.orders.indices.contains(state.orderCursor) else { return [] }
        askToCancel(state.orders[state.orderCursor], &state)
        return []
    }

    /// `C` in the orders pane: confirm, then cancel every working order of the selected code.
    static func confirmCancelAllOfSelected(_ state: inout AppState) -> [Effect] {
        let code = state.orders.indices.contains(state.orderCursor) ? state.orders[state.orderCursor].code : state.selectedCode
        guard let code else { return [] }
        askToCancelAll(of: code, &state)
        return []
    }

    /// Opens the yes/no question for cancelling `order` (a working one only).
    static func askToCancel(_ order: Order, _ state: inout AppState) {
        guard order.status.isWorking else {
            say("order \(order.id) is \(order.status), not working", error: true, &state)
            return
        }
        guard let account = state.tradingAccount(of: order) else {
            say(state.noAccountReason(for: order.code), error: true, &state)
            return
        }
        let what = "\(order.side == .buy ? "BUY" : "SELL") \(NumberFormat.quantity(order.quantity)) \(order.code) @ \(Format.price(order.price, order.code, kind: state.securities[order.code]?.kind))"
        state.modal = .confirm(prompt: "cancel order \(order.id) (\(what))?", effects: [.cancelOrder(order.id, account)])
    }

    /// Opens the yes/no question for cancelling every working order (of `code`, when given).
    static func askToCancelAll(of code: SecurityCode?, _ state: inout AppState) {
        let working = state.orders.filter { $0.status.isWorking && (code == nil || $0.code == code) }
        let scope = code.map { " in \($0)" } ?? ""
        guard !working.isEmpty else {
            say("no working orders\(scope)", error: true, &state)
            return
        }
        let effects: [Effect] = working.compactMap { o in state.tradingAccount(of: o).map { .cancelOrder(o.id, $0) } }
        state.modal = .confirm(prompt: "cancel \(working.count) working order(s)\(scope)?", effects: effects)
    }

    // MARK: answers

    /// Gateway answers that concern the ticket.
    static func handle(ticketResponse response: TicketResponse, _ state: inout AppState) -> [Effect] {
        switch response {
        case let .placed(id):
            if case var .ticket(t) = state.modal, t.phase == .submitting {
                _ = t.acknowledged()
                state.modal = nil
            }
            let known = state.orders.contains { $0.id == id }
            say("order \(id) \(known ? "modified" : "submitted")", error: false, &state)
            return [.loadPortfolio, .refreshLimits]
        case let .outcomeUnknown(request):
            if case var .ticket(t) = state.modal, t.phase == .submitting {
                _ = t.acknowledged()
                state.modal = nil
            }
            return noteUnknownOrder(request, &state)
        case let .rejected(reason):
            if case var .ticket(t) = state.modal {
                t.rejected(reason)
                state.modal = .ticket(t)
            } else {
                say("order rejected: \(reason)", error: true, &state)
            }
        case let .unlocked(error):
            if let error {
                if case var .ticket(t) = state.modal {
                    t.rejected("unlock failed: \(error)")
                    state.modal = .ticket(t)
                } else {
                    say("unlock failed: \(error)", error: true, &state)
                }
            } else {
                state.isTradeUnlocked = true
                if case var .ticket(t) = state.modal {
                    t.unlockSucceeded()
                    state.modal = .ticket(t)
                }
                say("REAL trading unlocked", error: false, &state)
            }
        case let .maxQuantities(code, max):
            if case var .ticket(t) = state.modal, t.code == code {
                t.maxQuantities = max
                state.modal = .ticket(t)
            }
        }
        return []
    }
}

/// Gateway answers for the ticket, posted back as events.
public enum TicketResponse: Sendable, Hashable {
    /// The gateway acknowledged an order (new or modified): its id.
    case placed(String)
    /// The gateway refused it, in its own words.
    case rejected(String)
    /// No answer came (the link dropped): the order, tagged by its remark, may or may not exist.
    case outcomeUnknown(OrderRequest)
    /// Unlock finished: nil on success, else the reason.
    case unlocked(error: String?)
    case maxQuantities(SecurityCode, MaxQuantities)
}

extension UInt64 {
    fileprivate var asInt64: Int64 { Int64(clamping: self) }
}
