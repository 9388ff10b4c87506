import TerminalUI
import TradingKit

/// The watchlist: code, name, last, change, change %, volume; the selected row drives the rest.
public enum WatchlistView {
    /// Draws the watchlist pane into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let body = c.titled(AppReducer.watchlistTitle(s), in: rect, focused: s.focus == .watchlist, into: &grid)
        guard body.height > 1 else { return }
        let showChange = body.width >= 52
        let cols = columns(width: body.width, showChange: showChange)
        var header =
            TextLayout.fit("Code", width: cols.code) + " " + TextLayout.fit("Name", width: cols.name) + " "
            + TextLayout.fit("Last", width: cols.last, align: .right)
        if showChange { header += " " + TextLayout.fit("Chg", width: 8, align: .right) }
        header +=
            " " + TextLayout.fit("Chg%", width: 7, align: .right) + " "
            + TextLayout.fit("Volume", width: cols.volume, align: .right)
        grid.write(header, x: body.x, y: body.y, style: c.theme[.header], limit: body.width)
        let rows = body.height - 1
        if s.watchlist.isEmpty {
            grid.write(
                "empty: press / to add a code", x: body.x, y: body.y + 1, style: c.theme[.dim], limit: body.width)
            return
        }
        let offset = max(0, min(s.selectedIndex - rows + 1, s.watchlist.count - rows))
        for (row, index) in (offset..<min(s.watchlist.count, offset + rows)).enumerated() {
            let code = s.watchlist[index]
            let y = body.y + 1 + row
            var x = body.x
            let selected = index == s.selectedIndex
            let base = selected ? c.theme[.selection] : c.theme[.text]
            grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: base)
            grid.write(code.description, x: x, y: y, width: cols.code, style: base); x += cols.code + 1
            if s.alertedCodes.contains(code) {
                // a triggered alert: "!" before the name
                grid.write("!", x: x, y: y, width: 1, style: selected ? base : c.theme[.statusWarning])
                grid.write(s.name(of: code), x: x + 1, y: y, width: cols.name - 1, style: base)
            } else {
                grid.write(s.name(of: code), x: x, y: y, width: cols.name, style: base)
            }
            x += cols.name + 1
            guard let q = s.quotes[code] else {
                grid.write("…", x: x, y: y, width: cols.last, align: .right, style: base)
                continue
            }
            let kind = s.securities[code]?.kind
            let hasClose = q.previousClose > .zero
            let change = hasClose ? q.change : .zero
            var style = c.value(c.direction(change))
            if selected { style.background = base.background; style.reverse = base.reverse }
            grid.write(
                Format.price(q.last, code, kind: kind), x: x, y: y, width: cols.last, align: .right, style: style)
            x += cols.last + 1
            if showChange {
                grid.write(
                    hasClose ? Format.change(change, code, reference: q.last, kind: kind) : "-", x: x, y: y,
                    width: 8, align: .right, style: style)
                x += 9
            }
            grid.write(
                hasClose ? q.last.percentChange(from: q.previousClose) : "-", x: x, y: y, width: 7, align: .right,
                style: style)
            x += 8
            grid.write(
                Format.volume(q.volume), x: x, y: y, width: cols.volume, align: .right,
                style: selected ? base : c.value(.text))
        }
    }

    static func columns(width: Int, showChange: Bool) -> (code: Int, name: Int, last: Int, volume: Int) {
        // fixed: code 9, last 9, chg% 7 (+ chg 8), spaces; the name takes what is left (at least 8 = 4 CJK)
        let fixed = 9 + 9 + 7 + (showChange ? 9 : 0) + 4
        let name = max(8, min(16, width - fixed - 7))
        let volume = max(6, min(8, width - fixed - name))
        return (9, name, 9, volume)
    }
}
