import TradingKit

/// What the trader did inside the ticket (already mapped from keys by the keymap).
public enum TicketAction: Equatable, Sendable {
    case nextField
    case previousField
    /// Up: price one tick up, quantity one lot up, or the next choice.
    case increment
    /// Down: price one tick down, quantity one lot down, or the previous choice.
    case decrement
    /// A printable character typed into the focused field (or the password prompt).
    case type(Character)
    case backspace
    /// Enter: submit, confirm, or finish the password.
    case submit
    /// Esc: close without sending (or back out of the confirm/unlock step).
    case cancel
    /// Flip buy/sell.
    case toggleSide
    /// Use the maximum quantity the gateway allows.
    case maxQuantity
}

/// Work the app must do for the ticket.
public enum TicketEffect: Equatable, Sendable {
    /// Send place_order; the ticket waits in `.submitting`.
    case place(OrderRequest)
    /// Send modify_order for a working order (new total quantity and price).
    case modify(orderID: String, price: Price?, quantity: Int64)
    /// Unlock REAL trading with this password (the ticket's copy is already wiped).
    case unlock(TradePassword)
    /// Ask Trd_GetMaxTrdQtys for this price (after a price or side change).
    case fetchMaxQuantities(code: SecurityCode, price: Price, type: OrderType)
    /// Close the ticket.
    case close
}

extension OrderTicket {
    /// Applies one action; returns the effects to run.
    public mutating func handle(_ action: TicketAction) -> [TicketEffect] {
        switch phase {
        case .submitting:
            if action == .cancel { return [.close] }
            return []
        case .unlocking:
            return handleUnlock(action)
        case .confirming:
            switch action {
            case .submit:
                guard let effect = sendEffect else { phase = .editing; return [] }
                phase = .submitting
                return [effect]
            case .cancel:
                phase = .editing
                return []
            default:
                return []
            }
        case .editing:
            return handleEditing(action)
        }
    }

    private mutating func handleUnlock(_ action: TicketAction) -> [TicketEffect] {
        switch action {
        case let .type(ch):
            appendPassword(Array(String(ch).utf8))
            return []
        case .backspace:
            dropPasswordCharacter()
            return []
        case .cancel:
            wipePassword()
            phase = .editing
            return []
        case .submit:
            let password = takePassword()
            phase = .editing
            return [.unlock(password)]
        default:
            return []
        }
    }

    private mutating func handleEditing(_ action: TicketAction) -> [TicketEffect] {
        switch action {
        case .cancel:
            return [.close]
        case .nextField:
            focus = nextFocus(+1)
            return []
        case .previousField:
            focus = nextFocus(-1)
            return []
        case .toggleSide:
            side = side.opposite
            rejection = nil
            return maxQuantityRefresh()
        case .increment, .decrement:
            rejection = nil
            return step(action == .increment ? 1 : -1)
        case let .type(ch):
            rejection = nil
            return typeCharacter(ch)
        case .backspace:
            rejection = nil
            switch focus {
            case .price: if !priceText.isEmpty { priceText.removeLast() }
            case .quantity: if !quantityText.isEmpty { quantityText.removeLast() }
            default: break
            }
            return []
        case .maxQuantity:
            if let max = maxQuantities {
                let limit = side == .buy ? Swift.max(max.cashBuy, max.cashAndMarginBuy) : max.positionSell
                quantityText = String(limit)
            } else if side == .sell, position > 0 {
                quantityText = String(position)
            }
            return []
        case .submit:
            guard isValid else { return [] }
            if environment == .real && !isUnlocked {
                phase = .unlocking(length: 0)
                return []
            }
            if environment == .real {
                phase = .confirming
                return []
            }
            guard let effect = sendEffect else { return [] }
            phase = .submitting
            return [effect]
        }
    }

    /// What Enter sends: a new order, or the modification of `modifyingOrderID`.
    private var sendEffect: TicketEffect? {
        guard let request = orderRequest else { return nil }
        if let id = modifyingOrderID {
            return .modify(orderID: id, price: request.type.needsPrice ? request.price : nil, quantity: request.quantity)
        }
        return .place(request)
    }

    private func nextFocus(_ delta: Int) -> Field {
        let fields = Field.allCases.filter { $0 != .price || type.needsPrice }
        let i = fields.firstIndex(of: focus) ?? 0
        return fields[(i + delta + fields.count) % fields.count]
    }

    private mutating func step(_ delta: Int) -> [TicketEffect] {
        switch focus {
        case .side:
            side = side.opposite
            return maxQuantityRefresh()
        case .type:
            let i = allowedTypes.firstIndex(of: type) ?? 0
            type = allowedTypes[(i + delta + allowedTypes.count) % allowedTypes.count]
            if !type.needsPrice && focus == .price { focus = .quantity }
            return maxQuantityRefresh()
        case .price:
            let base = Price(priceText) ?? referencePrice ?? tickRules.minimum
            let next = tickRules.step(base, by: delta)
            priceText = NumberFormat.price(next, rules: tickRules)
            return maxQuantityRefresh()
        case .quantity:
            let q = quantity ?? 0
            quantityText = String(q <= 0 && delta > 0 ? lotRules.minimumBuy : lotRules.step(q, by: delta))
            return []
        case .timeInForce:
            let i = allowedTimeInForce.firstIndex(of: timeInForce) ?? 0
            timeInForce = allowedTimeInForce[(i + delta + allowedTimeInForce.count) % allowedTimeInForce.count]
            return []
        }
    }

    private mutating func typeCharacter(_ ch: Character) -> [TicketEffect] {
        switch focus {
        case .price:
            guard ch.isNumber || ch == "." else { return [] }
            guard priceText.count < 16 else { return [] }
            priceText.append(ch)
            return Price(priceText) != nil && priceError == nil ? maxQuantityRefresh() : []
        case .quantity:
            guard ch.isNumber, quantityText.count < 12 else { return [] }
            quantityText.append(ch)
            return []
        case .side:
            if ch == "b" || ch == "B" { side = .buy }
            if ch == "s" || ch == "S" { side = .sell }
            return maxQuantityRefresh()
        case .type:
            if ch == "l" || ch == "L" { type = .limit }
            if ch == "m" || ch == "M" { type = .market }
            return []
        case .timeInForce:
            if (ch == "g" || ch == "G"), allowedTimeInForce.contains(.gtc) { timeInForce = .gtc }
            if ch == "d" || ch == "D" { timeInForce = .day }
            return []
        }
    }

    private func maxQuantityRefresh() -> [TicketEffect] {
        guard let p = price else { return [] }
        return [.fetchMaxQuantities(code: code, price: p, type: type)]
    }

    /// The gateway accepted the order: the ticket's work is done.
    public mutating func acknowledged() -> [TicketEffect] {
        phase = .editing
        return [.close]
    }

    /// The gateway refused the order (or the unlock): show its words, keep every field.
    public mutating func rejected(_ message: String) {
        rejection = message
        wipePassword()
        phase = .editing
    }

    /// The unlock succeeded: go straight on to the confirm step.
    public mutating func unlockSucceeded() {
        isUnlocked = true
        phase = isValid ? .confirming : .editing
    }
}
