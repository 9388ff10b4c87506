import TerminalUI
import TradingKit

/// The price-alert dialog: a small box over the panes.
public enum AlertDialogView {
    /// Renders `dialog` centred in `area`.
    public static func render(_ d: AlertDialog, _ c: ViewContext, in area: Rect, into grid: inout CellGrid) {
        let w = min(58, area.width), h = min(7, area.height)
        guard w >= 30, h >= 5 else { return }
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        grid.fill(box, style: c.theme[.text])
        let title = "Price alert · \(d.code)\(d.name.isEmpty ? "" : " \(d.name)")"
        let body = c.titled(title, in: box, focused: true, into: &grid)
        var y = body.y
        let x = body.x + 1, width = body.width - 2
        grid.write("Alert when  \(d.kind.title) ", x: x, y: y, style: c.theme[.dim], limit: width)
        let used = CharacterWidth.of("Alert when  \(d.kind.title) ")
        let shown = used + grid.write(d.valueText + "_", x: x + used, y: y, style: c.theme[.input], limit: width - used)
        if d.kind == .changeAbove || d.kind == .changeBelow {
            grid.write(" %", x: x + shown, y: y, style: c.theme[.dim], limit: width - shown)
        }
        y += 1
        var hint = ""
        if let last = d.last { hint = "last \(last.formatted(minDecimals: d.tickRules.displayDecimals(near: last)))" }
        if let v = d.volume { hint += (hint.isEmpty ? "" : "  ") + "volume \(Format.volume(v))" }
        grid.write(hint, x: x, y: y, style: c.theme[.dim], limit: width)
        y += 1
        if let e = d.error {
            grid.write(e, x: x, y: y, style: c.theme[.messageError], limit: width)
        } else {
            grid.write("fires once, also on your phone app (OpenD price reminder)", x: x, y: y, style: c.theme[.dim],
                       limit: width)
        }
        y += 1
        if y < body.maxY {
            grid.write("up/down: what to watch  enter: set  esc: close", x: x, y: y, style: c.theme[.status], limit: width)
        }
    }
}
