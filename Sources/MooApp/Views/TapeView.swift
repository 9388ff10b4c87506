import TerminalUI
import TradingKit

/// Time and sales: newest trade on top, coloured by who initiated it.
public enum TapeView {
    /// Draws the tape into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let dropped = s.selectedCode.flatMap { s.droppedPrints[$0] } ?? 0
        let body = c.titled(dropped > 0 ? "Trades (\(dropped) dropped)" : "Trades", in: rect, into: &grid)
        guard let code = s.selectedCode, body.height > 0 else { return }
        let ticks = s.tapes[code] ?? []
        if ticks.isEmpty {
            grid.write("waiting for trades…", x: body.x, y: body.y, style: c.theme[.dim], limit: body.width)
            return
        }
        let kind = s.securities[code]?.kind
        for (i, t) in ticks.prefix(body.height).enumerated() {
            let role: ThemeRole
            let mark: String
            switch t.direction {
            case .buy: role = .tapeBuy; mark = c.glyphs.up
            case .sell: role = .tapeSell; mark = c.glyphs.down
            case .neutral: role = .tapeNeutral; mark = " "
            }
            let style = c.value(role)
            let y = body.y + i
            var x = body.x
            grid.write(Format.clock(t.time), x: x, y: y, width: 8, style: c.value(.dim)); x += 9
            grid.write(Format.price(t.price, code, kind: kind), x: x, y: y, width: 10, align: .right, style: style);
            x += 11
            grid.write(
                Format.volume(t.volume), x: x, y: y, width: max(0, min(8, body.maxX - x - 2)), align: .right,
                style: style)
            x += min(8, body.maxX - x - 2) + 1
            grid.write(mark, x: x, y: y, style: style, limit: body.maxX - x)
        }
    }
}
