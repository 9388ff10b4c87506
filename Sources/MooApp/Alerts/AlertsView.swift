import TerminalUI
import TradingKit

/// The user's price alerts (OpenD's price reminders): code, condition, how often, on/off. The
/// cursor picks one to delete; codes whose alert triggered are marked in the watchlist.
public enum AlertsView {
    /// Draws the alerts pane into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let body = c.titled("Alerts (\(s.alerts.count))", in: rect, focused: s.focus == .alerts, into: &grid)
        guard body.height > 1 else { return }
        let widths = [9, 22, 8, 4]
        writeLeft(["Code", "Condition", "Fires", "On"], widths: widths, x: body.x, y: body.y,
                               maxX: body.maxX, style: c.theme[.header], into: &grid)
        if s.alerts.isEmpty {
            grid.write("no alerts: a sets one on the selected code", x: body.x, y: body.y + 1, style: c.theme[.dim],
                       limit: body.width)
            return
        }
        let rows = body.height - 1
        let offset = max(0, min(s.alertCursor - rows + 1, s.alerts.count - rows))
        for (row, index) in (offset..<min(s.alerts.count, offset + rows)).enumerated() {
            let a = s.alerts[index]
            let y = body.y + 1 + row
            var style = a.isEnabled ? c.value(.text) : c.value(.dim)
            if s.focus == .alerts && index == s.alertCursor {
                style = c.theme[.selection]
                grid.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: style)
            }
            let fires: String
            switch a.frequency {
            case .always: fires = "always"
            case .oncePerDay: fires = "daily"
            case .once: fires = "once"
            }
            writeLeft([a.code.description, a.condition, fires, a.isEnabled ? "on" : "off"], widths: widths,
                                   x: body.x, y: y, maxX: body.maxX, style: style, into: &grid)
        }
    }

    /// Writes left-aligned columns.
    static func writeLeft(_ cells: [String], widths: [Int], x: Int, y: Int, maxX: Int, style: CellStyle,
                    into grid: inout CellGrid) {
        var col = x
        for (i, text) in cells.enumerated() where col < maxX {
            grid.write(text, x: col, y: y, width: min(widths[i], maxX - col), style: style)
            col += widths[i] + 1
        }
    }
}
