import TerminalUI
import TradingKit

/// The whole screen, drawn from the state: status bar, panes laid out for the terminal's size
/// (everything at once from 120×36, tabs below that), footer, dialogs.
public enum ScreenView {
    /// Smallest screen that gets panes; below it a "terminal too small" notice.
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    /// Columns from which the health HUD is a pane beside the wide layout rather than a dialog.
    public static let hudPaneColumns = 120 + HealthView.width + 1

    /// True when every pane fits at once.
    public static func isWide(_ size: TerminalSize) -> Bool { size.columns >= 120 && size.rows >= 36 }

    /// Renders `state` into a new grid of `size`.
    public static func render(_ state: AppState, theme: Theme, glyphs: Glyphs, size: TerminalSize) -> CellGrid {
        var grid = CellGrid(size: size)
        let c = ViewContext(state: state, theme: theme, glyphs: glyphs)
        grid.fill(grid.bounds, style: theme[.text])
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
            tooSmall(c, size: size, into: &grid)
            return grid
        }
        StatusBarView.render(c, in: grid.bounds.row(0), into: &grid)
        var content = Rect(x: 0, y: 1, width: size.columns, height: size.rows - 2)
        let wide = isWide(size)
        // The health HUD: a pane at the right where the wide layout still fits beside it, else a dialog.
        let hudPane = state.health.isShown && wide && size.columns >= hudPaneColumns
        if hudPane {
            let (rest, hud) = content.splitLeft(content.width - HealthView.width - 1)
            c.separator(x: hud.x, y: hud.y, height: hud.height, into: &grid)
            HealthView.renderPane(
                c, in: Rect(x: hud.x + 1, y: hud.y, width: hud.width - 1, height: hud.height), into: &grid)
            content = rest
        }
        if wide { wideLayout(c, in: content, into: &grid) } else { tabbedLayout(c, in: content, into: &grid) }
        if state.health.isShown && !hudPane { HealthView.renderOverlay(c, in: content, into: &grid) }
        if case .help(let offset) = state.modal { HelpView.render(c, offset: offset, in: content, into: &grid) }
        if case .ticket(let ticket) = state.modal { TicketView.render(ticket, c, in: content, into: &grid) }
        if case .alert(let dialog) = state.modal { AlertDialogView.render(dialog, c, in: content, into: &grid) }
        FooterView.render(c, tabs: !wide, in: grid.bounds.row(size.rows - 1), into: &grid)
        return grid
    }

    static func tooSmall(_ c: ViewContext, size: TerminalSize, into grid: inout CellGrid) {
        let lines = [
            "terminal too small", "\(size.columns)x\(size.rows), need \(minimumSize.columns)x\(minimumSize.rows)",
            "q quits",
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            grid.write(
                line, x: 0, y: top + i, width: size.columns, align: .center,
                style: c.theme[i == 0 ? .statusWarning : .text])
        }
    }

    static func wideLayout(_ c: ViewContext, in area: Rect, into grid: inout CellGrid) {
        let topHeight = QuoteHeaderView.height + 22
        let (top, bottom) = area.splitTop(topHeight)
        let extra = area.width - 120
        let (left, rest) = top.splitLeft(52 + extra / 4)
        c.separator(x: rest.x, y: rest.y, height: rest.height, into: &grid)
        let right = Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height)
        WatchlistView.render(c, in: left, into: &grid)
        let (header, below) = right.splitTop(QuoteHeaderView.height)
        QuoteHeaderView.render(
            c, in: Rect(x: header.x + 1, y: header.y, width: header.width - 1, height: header.height), into: &grid)
        let (book, side) = below.splitLeft(36)
        OrderBookView.render(c, in: book, into: &grid)
        c.separator(x: side.x, y: side.y, height: side.height, into: &grid)
        let sideArea = Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height)
        let (tape, chart) = sideArea.splitTop(max(6, sideArea.height - 14))
        TapeView.render(c, in: tape, into: &grid)
        ChartView.render(c, in: chart, into: &grid)
        let (portfolio, orders) = bottom.splitLeft(bottom.width - 59)
        let (positions, alerts) = portfolio.splitTop(portfolio.height - min(5, portfolio.height / 2))
        PositionsView.render(c, in: positions, into: &grid)
        AlertsView.render(c, in: alerts, into: &grid)
        c.separator(x: orders.x, y: orders.y, height: orders.height, into: &grid)
        OrdersView.render(
            c, in: Rect(x: orders.x + 1, y: orders.y, width: orders.width - 1, height: orders.height), into: &grid)
    }

    static func tabbedLayout(_ c: ViewContext, in area: Rect, into grid: inout CellGrid) {
        switch c.state.tab {
        case .market:
            let (left, rest) = area.splitLeft(area.width - 37)
            WatchlistView.render(c, in: left, into: &grid)
            c.separator(x: rest.x, y: rest.y, height: rest.height, into: &grid)
            OrderBookView.render(
                c, in: Rect(x: rest.x + 1, y: rest.y, width: rest.width - 1, height: rest.height), into: &grid)
        case .detail:
            let (header, below) = area.splitTop(QuoteHeaderView.height)
            QuoteHeaderView.render(c, in: header, into: &grid)
            let (tape, chart) = below.splitLeft(31)
            TapeView.render(c, in: tape, into: &grid)
            c.separator(x: chart.x, y: chart.y, height: chart.height, into: &grid)
            ChartView.render(
                c, in: Rect(x: chart.x + 1, y: chart.y, width: chart.width - 1, height: chart.height), into: &grid)
        case .portfolio:
            let (positions, rest) = area.splitTop(area.height * 2 / 5)
            let (orders, alerts) = rest.splitTop(rest.height - min(5, rest.height / 3))
            PositionsView.render(c, in: positions, into: &grid)
            OrdersView.render(c, in: orders, into: &grid)
            AlertsView.render(c, in: alerts, into: &grid)
        }
    }
}
