import TerminalUI
import TradingKit

/// K-lines: a one-minute sparkline always, and candles of the chosen period below it.
public enum ChartView {
    /// Draws the chart pane into `rect`.
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        let periods = AppState.chartPeriods.map { $0 == s.chartPeriod ? "[\($0.rawValue)]" : $0.rawValue }
        let body = c.titled("K-line " + periods.joined(separator: " "), in: rect, into: &grid)
        guard let code = s.selectedCode, body.height > 0, body.width > 4 else { return }
        let minute = s.candles[CandleSeries(code, .oneMinute)] ?? []
        grid.write("1m", x: body.x, y: body.y, style: c.theme[.dim], limit: 3)
        sparkline(
            c, closes: minute.filter { !$0.isBlank }.map(\.close),
            in: Rect(x: body.x + 3, y: body.y, width: body.width - 3, height: 1), into: &grid)
        let candleArea = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
        guard candleArea.height >= 3 else { return }
        let bars = (s.candles[CandleSeries(code, s.chartPeriod)] ?? []).filter { !$0.isBlank }
        if bars.isEmpty {
            grid.write(
                "loading \(s.chartPeriod.rawValue) history…", x: candleArea.x, y: candleArea.y,
                style: c.theme[.dim], limit: candleArea.width)
            return
        }
        candles(c, bars: bars, code: code, in: candleArea, into: &grid)
    }

    /// One cell per close, scaled between the lowest and highest shown.
    static func sparkline(_ c: ViewContext, closes: [Price], in rect: Rect, into grid: inout CellGrid) {
        guard rect.width > 0 else { return }
        let shown = Array(closes.suffix(rect.width))
        guard let lo = shown.min(), let hi = shown.max() else {
            grid.write("-", x: rect.x, y: rect.y, style: c.theme[.dim], limit: rect.width)
            return
        }
        let levels = c.glyphs.sparkline
        let span = hi.micros - lo.micros
        for (i, p) in shown.enumerated() {
            let step = span == 0 ? levels.count / 2 : Int((p.micros - lo.micros) * Int64(levels.count - 1) / span)
            grid.write(levels[step], x: rect.x + i, y: rect.y, style: c.value(.chartLine), limit: 1)
        }
    }

    /// Candles: one column per bar, body between open and close, wick between high and low,
    /// with the range's high and low printed on the right.
    static func candles(_ c: ViewContext, bars: [Bar], code: SecurityCode, in rect: Rect, into grid: inout CellGrid) {
        let kind = c.state.securities[code]?.kind
        let labelW = 10
        let plotW = max(1, rect.width - labelW - 1)
        let shown = Array(bars.suffix(plotW))
        guard let hi = shown.map(\.high).max(), let lo = shown.map(\.low).min() else { return }
        let rows = rect.height - 1
        let span = max(hi.micros - lo.micros, 1)
        // Row 0 is the top (high); integer scaling keeps it exact and deterministic.
        func rowOf(_ p: Price) -> Int { Int((hi.micros - p.micros) * Int64(rows - 1) / span) }
        for (i, bar) in shown.enumerated() {
            let x = rect.x + i
            let up = bar.close >= bar.open
            let style = c.value(up ? .chartUp : .chartDown)
            let top = rowOf(max(bar.open, bar.close)), bottom = rowOf(min(bar.open, bar.close))
            for r in rowOf(bar.high)...rowOf(bar.low) {
                let glyph = (r >= top && r <= bottom) ? c.glyphs.candleBody : c.glyphs.candleWick
                grid.write(glyph, x: x, y: rect.y + r, style: style, limit: 1)
            }
        }
        let lx = rect.x + plotW + 1
        grid.write(Format.price(hi, code, kind: kind), x: lx, y: rect.y, width: labelW, style: c.value(.dim))
        grid.write(Format.price(lo, code, kind: kind), x: lx, y: rect.y + rows - 1, width: labelW, style: c.value(.dim))
        if let first = shown.first, let last = shown.last {
            let period = c.state.chartPeriod
            let from = Format.barTime(first.time, period: period)
            let to = Format.barTime(last.time, period: period)
            grid.write(from, x: rect.x, y: rect.y + rows, style: c.theme[.dim], limit: plotW)
            let w = CharacterWidth.of(to)
            if plotW - w > CharacterWidth.of(from) + 1 {
                grid.write(to, x: rect.x + plotW - w, y: rect.y + rows, style: c.theme[.dim], limit: w)
            }
        }
    }
}
