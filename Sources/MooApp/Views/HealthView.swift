import TerminalUI
import TradingKit

/// The health HUD: round trips, pushes, rate budgets, quota, reconnects, clock skew and the
/// codes whose newest push is stale. A dialog over the panes, or a pane of its own on screens
/// wide enough (``ScreenView``). Figures change at most once a second (the timer's reading),
/// and push ages only show past ``HealthState/staleAfter``.
public enum HealthView {
    /// Columns the HUD takes as a pane or dialog.
    public static let width = 44

    /// The HUD's lines for `state`.
    public static func lines(_ s: AppState, maxLines: Int = .max) -> [(text: String, role: ThemeRole)] {
        var out: [(String, ThemeRole)] = []
        let h = s.health
        let g = h.gateway
        if let g, let p50 = g.roundTripP50, let p99 = g.roundTripP99 {
            out.append(("RTT p50 \(ms(p50))  p99 \(ms(p99))  n=\(g.roundTripCount)", .text))
        } else {
            out.append(("RTT p50 -  p99 -  (no replies in 60 s)", .dim))
        }
        let rate = h.pushRate.map { fixed1($0) } ?? "-"
        out.append((
            "pushes/s \(rate)  conflated \(NumberFormat.quantity(Int64(g?.conflatedPushes ?? 0)))"
                + "  dropped \(NumberFormat.quantity(Int64(g?.droppedPushes ?? 0)))",
            (g?.droppedPushes ?? 0) > 0 ? .statusWarning : .text))
        if let q = s.quota { out.append(("quota \(q.used)/\(q.total) subscriptions", q.used >= q.total ? .statusWarning : .text)) }
        if let skew = h.pushSkew {
            out.append(("clock skew \(skew >= 0 ? "+" : "")\(fixed2(skew))s (local minus OpenD)", abs(skew) >= 2 ? .statusWarning : .text))
        } else {
            out.append(("clock skew - (no stamped push yet)", .dim))
        }
        let reconnects = g?.reconnects ?? 0
        var rc = "reconnects \(reconnects)"
        if let ago = g?.lastErrorAgoSeconds {
            rc += "  last at \(Format.timeOfDay(s.now - ago + s.wallClockOffset))"
        }
        out.append((rc, reconnects > 0 ? .statusWarning : .text))
        if let e = g?.lastError { out.append(("  " + e, .dim)) }
        let visible = visibleCodes(s)
        let stale = h.stalePushes(of: visible, now: s.now)
        if stale.isEmpty {
            out.append(("pushes fresh (none older than \(Int(HealthState.staleAfter)) s)", .dim))
        } else {
            out.append(("stale pushes (older than \(Int(HealthState.staleAfter)) s)", .header))
            for entry in stale.prefix(8) {
                out.append((" \(pad(entry.code.description, 11)) \(StatusBarView.age(seconds: Double(entry.age)))", .statusWarning))
            }
            if stale.count > 8 { out.append((" +\(stale.count - 8) more", .statusWarning)) }
        }
        let budgets = g?.budgets ?? []
        if !budgets.isEmpty {
            out.append(("rate budgets (used/limit per \(budgets[0].windowSeconds) s)", .header))
            // Two to a line. Short of room, the idle ones fold into a count (orders always show).
            let room = maxLines - out.count
            var shown = budgets
            var idle = 0
            if (budgets.count + 1) / 2 > room {
                shown = budgets.filter { $0.used > 0 || $0.name == "PlaceOrder" || $0.name == "ModifyOrder" }
                idle = budgets.count - shown.count
            }
            let cells = shown.map { b in ("\(b.name) \(b.used)/\(b.limit)", b.limit > 0 && b.used * 5 >= b.limit * 4) }
            var i = 0
            while i < cells.count {
                let right = i + 1 < cells.count ? cells[i + 1].0 : ""
                let hot = cells[i].1 || (i + 1 < cells.count && cells[i + 1].1)
                out.append((" " + pad(cells[i].0, 21) + " " + right, hot ? .statusWarning : .dim))
                i += 2
            }
            if idle > 0 { out.append((" +\(idle) more limits, none used", .dim)) }
        }
        return out
    }

    /// Draws the HUD as a pane in `rect`.
    public static func renderPane(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let body = c.titled("Health", in: rect, into: &grid)
        for (i, line) in lines(c.state, maxLines: body.height).prefix(body.height).enumerated() {
            grid.write(line.text, x: body.x + 1, y: body.y + i, style: c.theme[line.role], limit: body.width - 1)
        }
    }

    /// Draws the HUD as a framed dialog in the top-right corner of `area`.
    public static func renderOverlay(_ c: ViewContext, in area: Rect, into grid: inout CellGrid) {
        let content = lines(c.state, maxLines: area.height - 2)
        let w = min(width + 2, area.width), h = min(content.count + 2, area.height)
        guard w >= 20, h >= 3 else { return }
        let box = Rect(x: area.maxX - w, y: area.y, width: w, height: h)
        grid.fill(box, style: c.theme[.text])
        let rule = String(repeating: c.glyphs.horizontal, count: box.width)
        grid.write(rule, x: box.x, y: box.y, style: c.theme[.border], limit: box.width)
        grid.write(rule, x: box.x, y: box.maxY - 1, style: c.theme[.border], limit: box.width)
        for y in (box.y + 1)..<(box.maxY - 1) {
            grid.write(c.glyphs.vertical, x: box.x, y: y, style: c.theme[.border], limit: 1)
            grid.write(c.glyphs.vertical, x: box.maxX - 1, y: y, style: c.theme[.border], limit: 1)
        }
        grid.write(" Health ", x: box.x + 2, y: box.y, style: c.theme[.titleFocused], limit: box.width - 4)
        for (i, line) in content.prefix(h - 2).enumerated() {
            grid.write(line.text, x: box.x + 2, y: box.y + 1 + i, style: c.theme[line.role], limit: box.width - 3)
        }
    }

    /// The codes on screen: the watchlist's rows that fit, and the selected code.
    static func visibleCodes(_ s: AppState) -> [SecurityCode] {
        var codes = Array(s.watchlist.prefix(max(1, s.size.rows - 4)))
        if let sel = s.selectedCode, !codes.contains(sel) { codes.append(sel) }
        return codes
    }

    /// "12ms", "1.2s".
    static func ms(_ seconds: Double) -> String {
        let m = Int((seconds * 1000).rounded())
        return m < 1000 ? "\(m)ms" : fixed1(Double(m) / 1000) + "s"
    }

    static func fixed1(_ v: Double) -> String {
        let t = Int((v * 10).rounded())
        return "\(t < 0 ? "-" : "")\(abs(t) / 10).\(abs(t) % 10)"
    }

    static func fixed2(_ v: Double) -> String {
        let t = Int((abs(v) * 100).rounded())
        return "\(v < 0 && t > 0 ? "-" : "")\(t / 100).\(t % 100 < 10 ? "0" : "")\(t % 100)"
    }

    static func pad(_ s: String, _ n: Int) -> String {
        let w = CharacterWidth.of(s)
        return w >= n ? s : s + String(repeating: " ", count: n - w)
    }
}
