import TerminalUI
import TradingKit

/// Help generated from the active keymap: every mode's keys and what their actions do.
public enum HelpView {
    /// The help text lines for `keymap`.
    public static func lines(for keymap: Keymap) -> [String] {
        var out = ["Keymap: \(keymap.name)", ""]
        for mode in KeymapMode.allCases {
            let bindings = keymap.bindings(in: mode.rawValue)
            guard !bindings.isEmpty else { continue }
            out.append("[\(mode.rawValue)]")
            var byAction: [(String, [String])] = []
            for b in bindings {
                if let i = byAction.firstIndex(where: { $0.0 == b.action }) {
                    byAction[i].1.append(b.key.description)
                } else {
                    byAction.append((b.action, [b.key.description]))
                }
            }
            for (action, keys) in byAction {
                let summary = AppAction(rawValue: action)?.summary ?? action
                out.append("  " + TextLayout.fit(keys.joined(separator: " "), width: 16) + " " + summary)
            }
            out.append("")
        }
        return out
    }

    /// Draws the help box over `rect`, scrolled by `offset` lines.
    public static func render(_ c: ViewContext, offset: Int, in rect: Rect, into grid: inout CellGrid) {
        let box = Rect(
            x: rect.x + max(0, (rect.width - 60) / 2), y: rect.y, width: min(60, rect.width), height: rect.height)
        grid.fill(box, style: c.theme[.text])
        let body = c.titled("Help (esc closes, up/down scroll)", in: box, focused: true, into: &grid)
        let text = lines(for: c.state.keymap)
        let start = min(offset, max(0, text.count - body.height))
        for (i, line) in text.dropFirst(start).prefix(body.height).enumerated() {
            let role: ThemeRole = line.hasPrefix("[") ? .title : .text
            grid.write(line, x: body.x + 1, y: body.y + i, style: c.theme[role], limit: body.width - 1)
        }
    }
}
