import TerminalUI
import TradingKit

/// Positions: code, quantity, cost, last, market value, P&L, P&L %.
public enum PositionsView {
    /// Draws the positions pane into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        var title = "Positions"
        if let f = s.funds {
            title += "  cash \(Format.money(f.cash)) \(f.currency)  power \(Format.money(f.buyingPower))"
        }
        let body = c.titled(title, in: rect, focused: s.focus == .positions, into: &grid)
        guard body.height > 1 else { return }
        let widths = [9, 6, 8, 8, 8, 9, 7]
        let heads = ["Code", "Qty", "Cost", "Last", "Value", "P&L", "P&L%"]
        writeRow(heads, widths: widths, x: body.x, y: body.y, maxX: body.maxX, style: c.theme[.header], into: &grid)
        if s.positions.isEmpty {
            grid.write("no positions", x: body.x, y: body.y + 1, style: c.theme[.dim], limit: body.width)
            return
        }
        let rows = body.height - 1
        let offset = max(0, min(s.positionCursor - rows + 1, s.positions.count - rows))
        for (i, index) in (offset..<min(s.positions.count, offset + rows)).enumerated() {
            let p = s.positions[index]
            let last = s.quotes[p.code]?.last ?? p.lastPrice
            let selected = s.focus == .positions && index == s.positionCursor
            if selected {
                grid.fill(Rect(x: body.x, y: body.y + 1 + i, width: body.width, height: 1), style: c.theme[.selection])
            }
            let kind = s.securities[p.code]?.kind
            let cells = [
                p.code.description, Format.volume(p.quantity), Format.price(p.costPrice, p.code, kind: kind),
                Format.price(last, p.code, kind: kind), Format.money(p.marketValue),
                NumberFormat.signedCompactMoney(p.profitLoss), p.profitLossPercent,
            ]
            writeRow(
                cells, widths: widths, x: body.x, y: body.y + 1 + i, maxX: body.maxX,
                style: selected ? c.theme[.selection] : c.value(c.direction(p.profitLoss)), into: &grid)
        }
    }

    /// Writes columns: the first left-aligned, the rest right-aligned.
    static func writeRow(
        _ cells: [String], widths: [Int], x: Int, y: Int, maxX: Int, style: CellStyle,
        into grid: inout CellGrid
    ) {
        var col = x
        for (i, text) in cells.enumerated() where col < maxX {
            let w = min(widths[i], maxX - col)
            grid.write(text, x: col, y: y, width: w, align: i == 0 ? .left : .right, style: style)
            col += widths[i] + 1
        }
    }
}

/// Today's orders, newest first, updated live from order pushes; the cursor picks one to cancel.
/// Fees show once an order has filled: the gateway's figure, or "≈" the schedule's estimate.
public enum OrdersView {
    /// Draws the orders pane into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let working = s.orders.filter { $0.status.isWorking }.count
        let body = c.titled(
            "Orders (\(s.orders.count), \(working) working)", in: rect, focused: s.focus == .orders, into: &grid)
        guard body.height > 1 else { return }
        let widths = [8, 9, 4, 9, 11, 12, 9]
        let heads = ["Time", "Code", "Side", "Price", "Filled/Qty", "Status", "Fees"]
        PositionsView.writeRow(
            heads, widths: widths, x: body.x, y: body.y, maxX: body.maxX, style: c.theme[.header], into: &grid)
        if s.orders.isEmpty {
            grid.write("no orders today", x: body.x, y: body.y + 1, style: c.theme[.dim], limit: body.width)
            return
        }
        let rows = body.height - 1
        let offset = max(0, min(s.orderCursor - rows + 1, s.orders.count - rows))
        for (row, index) in (offset..<min(s.orders.count, offset + rows)).enumerated() {
            let o = s.orders[index]
            let y = body.y + 1 + row
            let selected = s.focus == .orders && index == s.orderCursor
            var style = c.value(o.side == .buy ? .bookBid : .bookAsk)
            if !o.status.isWorking { style = c.value(.dim) }
            if selected {
                style = c.theme[.selection]
                grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
            }
            let price = o.type == .market ? "MKT" : Format.price(o.price, o.code, kind: s.securities[o.code]?.kind)
            let cells = [
                Format.clock(o.updateTime.isEmpty ? o.createTime : o.updateTime), o.code.description,
                o.side == .buy ? "BUY" : "SELL", price,
                "\(Format.volume(o.filledQuantity))/\(Format.volume(o.quantity))", o.status.description,
                s.fees(of: o)?.text ?? "",
            ]
            PositionsView.writeRow(cells, widths: widths, x: body.x, y: y, maxX: body.maxX, style: style, into: &grid)
        }
    }
}
