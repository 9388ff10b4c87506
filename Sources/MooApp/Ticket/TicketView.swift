import TerminalUI
import TradingKit

/// Draws the order ticket as a framed dialog over the panes. The frame and title carry the
/// environment (SIMULATE / REAL) in its own colour so the two can never be mistaken.
public enum TicketView {
    /// Rows the dialog needs.
    public static let height = 18
    /// Columns the dialog prefers (narrower terminals get what fits).
    public static let width = 64

    /// Renders `ticket` centred in `area`.
    public static func render(_ ticket: OrderTicket, _ c: ViewContext, in area: Rect, into grid: inout CellGrid) {
        let w = min(width, area.width), h = min(height, area.height)
        guard w >= 30, h >= 10 else { return }
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        let real = ticket.environment == .real
        let envRole: ThemeRole = real ? .envReal : .envSimulate
        let frame = c.theme[envRole]
        grid.fill(box, style: c.theme[.text])
        // frame: top and bottom rules, sides
        let rule = String(repeating: real ? "=" : c.glyphs.horizontal, count: box.width)
        grid.write(rule, x: box.x, y: box.y, style: frame, limit: box.width)
        grid.write(rule, x: box.x, y: box.maxY - 1, style: frame, limit: box.width)
        for y in (box.y + 1)..<(box.maxY - 1) {
            grid.write(c.glyphs.vertical, x: box.x, y: y, style: frame, limit: 1)
            grid.write(c.glyphs.vertical, x: box.maxX - 1, y: y, style: frame, limit: 1)
        }
        let sideWord = ticket.side == .buy ? "BUY" : "SELL"
        let title = " \(real ? "REAL" : "SIMULATE") \(sideWord) ORDER · \(ticket.code)\(ticket.name.isEmpty ? "" : " \(ticket.name)") "
        grid.write(title, x: box.x + 2, y: box.y, style: frame, limit: box.width - 4)

        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        var y = inner.y
        func line(_ label: String, _ value: String, field: OrderTicket.Field?, error: String? = nil, role: ThemeRole = .text) {
            guard y < inner.maxY else { return }
            let focused = field != nil && field == ticket.focus && ticket.phase == .editing
            let marker = focused ? c.glyphs.cursor : " "
            grid.write(marker, x: inner.x, y: y, style: c.theme[.selection], limit: 1)
            grid.write(label, x: inner.x + 2, y: y, width: 11, style: c.theme[.dim])
            let valueStyle = focused ? c.theme[.input] : c.theme[role]
            let used = grid.write(value, x: inner.x + 13, y: y, style: valueStyle,
                                  limit: error == nil ? inner.maxX - (inner.x + 13) : 18)
            if let error {
                grid.write(error, x: inner.x + 13 + max(used, 1) + 2, y: y, style: c.theme[.messageError],
                           limit: inner.maxX - (inner.x + 15 + max(used, 1)))
            }
            y += 1
        }
        let sideRole: ThemeRole = ticket.side == .buy ? .bookBid : .bookAsk
        line("Side", sideWord, field: .side, role: sideRole)
        line("Type", ticket.type == .market ? "MARKET" : "LIMIT", field: .type)
        if ticket.type.needsPrice {
            line("Price", ticket.priceText.isEmpty ? "_" : ticket.priceText, field: .price, error: ticket.priceError)
        } else {
            line("Price", "market", field: nil)
        }
        line("Quantity", ticket.quantityText.isEmpty ? "_" : ticket.quantityText, field: .quantity,
             error: ticket.quantityError)
        line("TIF", ticket.timeInForce.description, field: .timeInForce)
        y += 1
        line("Account", ticket.account.map(accountText) ?? "none trades \(ticket.code.market.rawValue)", field: nil)
        let cur = ticket.currency
        line("Notional", ticket.notional.map { "\(NumberFormat.money($0)) \(cur)" } ?? "—", field: nil)
        if let p = ticket.price, let q = ticket.quantity, q > 0 {
            // The schedule's figure if it all fills (the gateway charges per fill; see Fees/).
            line("Est. fees", "≈\(NumberFormat.money(c.state.estimatedFees(ticket.code, ticket.side, quantity: q, price: p))) \(cur)",
                 field: nil)
        }
        if let max = ticket.maxQuantities {
            line("Max buy", NumberFormat.quantity(Swift.max(max.cashBuy, max.cashAndMarginBuy)), field: nil)
            line("Max sell", NumberFormat.quantity(max.positionSell), field: nil)
        } else {
            line("Max", "…", field: nil)
        }
        line("Power", ticket.buyingPower.map { "\(NumberFormat.money($0)) \(cur)" } ?? "—", field: nil)
        line("After fill", ticket.positionAfterFill.map { "\(NumberFormat.quantity(ticket.position)) → \(NumberFormat.quantity($0))" } ?? "—", field: nil)
        if let budget = ticket.rateBudget { line("Order rate", budget, field: nil) }

        // bottom line: phase prompt or rejection
        let prompt: String
        var promptRole: ThemeRole = .dim
        switch ticket.phase {
        case .editing:
            if let r = ticket.rejection {
                prompt = "rejected: \(r)"
                promptRole = .messageError
            } else if ticket.isValid {
                prompt = real ? "Enter: review  Esc: close  Tab: next field" : "Enter: send  Esc: close  Tab: next field"
            } else {
                prompt = "fix the fields marked in red  Esc: close"
                promptRole = .statusWarning
            }
        case let .unlocking(length):
            prompt = "trade password: " + String(repeating: "*", count: length) + "   Enter: unlock  Esc: back"
            promptRole = .input
        case .confirming:
            prompt = "CONFIRM " + ticket.summary + "  Enter: send  Esc: edit"
            promptRole = envRole
        case .submitting:
            prompt = "sending " + ticket.summary
            promptRole = .statusLive
        }
        grid.write(prompt, x: inner.x, y: inner.maxY - 1, style: c.theme[promptRole], limit: inner.width)
    }

    /// "10002 · US" : the account the order goes through and the markets it trades.
    static func accountText(_ a: Account) -> String {
        "\(a.id) · " + a.markets.map(AppState.marketName).joined(separator: "+")
    }
}
