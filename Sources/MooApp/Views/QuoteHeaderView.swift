import TerminalUI
import TradingKit

/// The selected code's quote: last and change, open/high/low, volume, turnover, lot size, tick.
public enum QuoteHeaderView {
    /// Rows the header needs.
    public static let height = 4

    /// Draws the header into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        guard let code = s.selectedCode else {
            grid.write("no code selected", x: rect.x, y: rect.y, style: c.theme[.dim], limit: rect.width)
            return
        }
        let kind = s.securities[code]?.kind
        var x = rect.x
        x += grid.write("\(code) ", x: x, y: rect.y, style: c.theme[.title], limit: rect.maxX - x)
        x += grid.write(s.name(of: code) + "  ", x: x, y: rect.y, style: c.theme[.title], limit: rect.maxX - x)
        guard let q = s.quotes[code] else {
            grid.write("waiting for a quote…", x: x, y: rect.y, style: c.theme[.dim], limit: rect.maxX - x)
            return
        }
        let change = q.previousClose > .zero ? q.change : .zero
        let style = c.value(c.direction(change))
        let last =
            "\(Format.price(q.last, code, kind: kind)) \(c.arrow(change)) "
            + "\(Format.change(change, code, reference: q.last, kind: kind)) "
            + (q.previousClose > .zero ? q.last.percentChange(from: q.previousClose) : "")
        x += grid.write(last, x: x, y: rect.y, style: style, limit: rect.maxX - x)
        if q.isSuspended {
            x += grid.write("  SUSPENDED", x: x, y: rect.y, style: c.theme[.statusWarning], limit: rect.maxX - x)
        } else if s.isStale {
            x += grid.write("  STALE", x: x, y: rect.y, style: c.theme[.statusWarning], limit: rect.maxX - x)
        }
        if let phase = s.marketStates[code] {
            let role: ThemeRole = phase.isTrading ? .statusLive : .dim
            var style = c.theme[role]
            style.background = c.theme[.text].background
            grid.write("  \(phase)", x: x, y: rect.y, style: style, limit: rect.maxX - x)
        }
        let p = { (v: Price) in Format.price(v, code, kind: kind) }
        let line2 = "Open \(p(q.open))  High \(p(q.high))  Low \(p(q.low))  Prev \(p(q.previousClose))"
        grid.write(line2, x: rect.x, y: rect.y + 1, style: c.value(.text), limit: rect.width)
        var line3 = "Vol \(Format.volume(q.volume))  Turnover \(Format.money(q.turnover))"
        if let info = s.securities[code] { line3 += "  Lot \(info.lotSize)" }
        let tick = q.priceSpread > .zero ? q.priceSpread : nil
        if let tick { line3 += "  Tick \(tick.formatted())" }
        grid.write(line3, x: rect.x, y: rect.y + 2, style: c.value(.text), limit: rect.width)
        if rect.height > 3, let book = s.books[code] {
            var line4 = ""
            if let b = book.bestBid { line4 += "Bid \(p(b.price)) x \(Format.volume(b.volume))   " }
            if let a = book.bestAsk { line4 += "Ask \(p(a.price)) x \(Format.volume(a.volume))" }
            grid.write(line4, x: rect.x, y: rect.y + 3, style: c.value(.dim), limit: rect.width)
        }
    }
}
