import TerminalUI
import TradingKit

/// What every pane view reads: the state, the theme and the glyph set.
public struct ViewContext: Sendable {
    public var state: AppState
    public var theme: Theme
    public var glyphs: Glyphs

    /// A context for drawing `state`.
    public init(state: AppState, theme: Theme, glyphs: Glyphs) {
        self.state = state; self.theme = theme; self.glyphs = glyphs
    }

    /// The style of `role`, or the stale style when the gateway has dropped.
    public func value(_ role: ThemeRole) -> CellStyle {
        state.isStale ? theme[.stale] : theme[role]
    }

    /// The up / down / flat role for a change.
    public func direction(_ change: Price) -> ThemeRole {
        change > .zero ? .quoteUp : (change < .zero ? .quoteDown : .quoteFlat)
    }

    /// The arrow for a change.
    public func arrow(_ change: Price) -> String {
        change > .zero ? glyphs.up : (change < .zero ? glyphs.down : glyphs.flat)
    }

    /// Draws a pane's title line ("─ Watchlist ───") and returns the area below it.
    @discardableResult
    public func titled(_ title: String, in rect: Rect, focused: Bool = false, into grid: inout CellGrid) -> Rect {
        guard rect.height > 0 else { return rect }
        let (top, rest) = rect.splitTop(1)
        grid.write(
            String(repeating: glyphs.horizontal, count: top.width), x: top.x, y: top.y, style: theme[.border],
            limit: top.width)
        var label = " \(title) "
        if state.isStale { label += "STALE " }
        grid.write(glyphs.horizontal, x: top.x, y: top.y, style: theme[.border], limit: 1)
        grid.write(label, x: top.x + 1, y: top.y, style: theme[focused ? .titleFocused : .title], limit: top.width - 1)
        if state.isStale, let range = label.range(of: "STALE") {
            let offset = CharacterWidth.of(label[label.startIndex..<range.lowerBound])
            grid.write(
                "STALE", x: top.x + 1 + offset, y: top.y, style: theme[.statusWarning], limit: top.width - 1 - offset)
        }
        return rest
    }

    /// A vertical separator line.
    public func separator(x: Int, y: Int, height: Int, into grid: inout CellGrid) {
        for row in y..<(y + height) { grid.write(glyphs.vertical, x: x, y: row, style: theme[.border], limit: 1) }
    }
}
