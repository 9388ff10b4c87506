import TerminalUI
import TradingKit

/// The top line: SIMULATE / REAL banner, gateway, connection and reconnect progress, quota,
/// order-rate budget, age of the newest push.
public enum StatusBarView {
    /// Draws the status bar into `rect` (one row).
    public static func render(_ c: ViewContext, in rect: Rect, into grid: inout CellGrid) {
        let s = c.state
        grid.fill(rect, style: c.theme[.status])
        var x = rect.x
        let banner = s.replayBanner ?? (s.environment == .real ? " REAL MONEY " : " SIMULATE ")
        x += grid.write(
            banner, x: x, y: rect.y, style: c.theme[s.environment == .real && s.replayBadge == nil ? .envReal : .envSimulate],
            limit: rect.maxX - x)
        x += grid.write(" \(s.gatewayAddress) ", x: x, y: rect.y, style: c.theme[.status], limit: rect.maxX - x)
        let (text, role) = connectionText(s)
        x += grid.write(text, x: x, y: rect.y, style: c.theme[role], limit: rect.maxX - x)
        var right: [String] = []
        if let rec = s.recordingBadge { right.append(rec) }
        if let q = s.quota { right.append("quota \(q.used)/\(q.total)") }
        if let b = s.orderBudget { right.append("orders \(b.used)/\(b.limit)") }
        // The arrival time of the newest push, not a ticking age: an idle screen must not change.
        right.append("push " + (s.lastPushAt.map { Format.timeOfDay($0 + s.wallClockOffset) } ?? "-"))
        let tail = right.joined(separator: "  ") + " "
        let w = CharacterWidth.of(tail)
        if rect.maxX - w > x + 1 {
            grid.write(tail, x: rect.maxX - w, y: rect.y, style: c.theme[.status], limit: w)
        }
    }

    static func connectionText(_ s: AppState) -> (String, ThemeRole) {
        switch s.connection {
        case .live: return (" LIVE ", .statusLive)
        case .connecting(let attempt):
            return (attempt > 1 ? " CONNECTING #\(attempt) " : " CONNECTING ", .statusWarning)
        case .reconnecting(let attempt, let delay):
            return (" RECONNECTING #\(attempt) in \(Int(delay.rounded(.up)))s ", .statusWarning)
        case .disconnected(let reason):
            return (" DISCONNECTED: \(reason) ", .statusError)
        case .closed: return (" CLOSED ", .statusError)
        }
    }
}
