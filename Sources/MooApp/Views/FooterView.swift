import TerminalUI
import TradingKit

/// The bottom line: the add-code prompt, else the latest message, else key hints from the keymap
/// (with the tab bar on small screens).
public enum FooterView {
    /// Draws the footer into `rect` (one row).
    public static func render(_ c: ViewContext, tabs: Bool, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        grid.fill(rect, style: c.theme[.status])
        if case .command(let text) = s.modal {
            var x = rect.x
            x += grid.write(" : ", x: x, y: rect.y, style: c.theme[.title], limit: rect.width)
            x += grid.write(text + "_", x: x, y: rect.y, style: c.theme[.input], limit: rect.maxX - x)
            grid.write("  (b 200 HK.00700 @ 320.2 day · s all US.AAPL mkt · c ORDER_ID · ca [CODE])", x: x, y: rect.y,
                       style: c.theme[.status], limit: rect.maxX - x)
            return
        }
        if case .confirm(let prompt, _) = s.modal {
            var x = rect.x
            x += grid.write(" " + prompt, x: x, y: rect.y, style: c.theme[.statusWarning], limit: rect.width)
            grid.write("  y: yes  n: no", x: x, y: rect.y, style: c.theme[.status], limit: rect.maxX - x)
            return
        }
        if case .addCode(let text) = s.modal {
            var x = rect.x
            x += grid.write(" Add code: ", x: x, y: rect.y, style: c.theme[.title], limit: rect.width)
            x += grid.write(text + "_", x: x, y: rect.y, style: c.theme[.input], limit: rect.maxX - x)
            grid.write(
                "  (e.g. HK.00700, US.AAPL; enter adds, esc cancels)", x: x, y: rect.y, style: c.theme[.status],
                limit: rect.maxX - x)
            return
        }
        var x = rect.x
        if tabs {
            for tab in ScreenTab.allCases {
                x += grid.write(
                    " \(tab.title) ", x: x, y: rect.y, style: c.theme[tab == s.tab ? .tabActive : .tabInactive],
                    limit: rect.maxX - x)
            }
            x += grid.write(" ", x: x, y: rect.y, style: c.theme[.status], limit: rect.maxX - x)
        }
        if let m = s.message {
            grid.write(
                " " + m.text + " ", x: x, y: rect.y, style: c.theme[m.isError ? .messageError : .messageInfo],
                limit: rect.maxX - x)
            return
        }
        for (action, label) in hints where x < rect.maxX {
            guard
                let key = s.keymap.keys(for: action.rawValue, in: KeymapMode.global.rawValue).first
                    ?? s.keymap.keys(for: action.rawValue, in: s.focus.keymapMode.rawValue).first
            else { continue }
            x += grid.write(key.description, x: x, y: rect.y, style: c.theme[.helpKey], limit: rect.maxX - x)
            x += grid.write(" \(label)  ", x: x, y: rect.y, style: c.theme[.status], limit: rect.maxX - x)
        }
    }

    static let hints: [(AppAction, String)] = [
        (.help, "help"), (.watchAdd, "add"), (.watchRemove, "remove"), (.focusNext, "focus"),
        (.chartPeriodNext, "period"), (.quit, "quit"),
    ]
}
