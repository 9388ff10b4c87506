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
        let (push, stale) = pushText(s)
        right.append(push)
        let tail = right.joined(separator: "  ") + " "
        let w = CharacterWidth.of(tail)
        if rect.maxX - w > x + 1 {
            grid.write(tail, x: rect.maxX - w, y: rect.y, style: c.theme[.status], limit: w)
            if stale {
                let pw = CharacterWidth.of(push)
                grid.write(push, x: rect.maxX - 1 - pw, y: rect.y, style: c.theme[.statusWarning], limit: pw)
            }
        }
    }

    /// "push live" while the newest push is younger than ``HealthState/staleAfter``, then a
    /// coarse age in the warning colour: "push >5s", ">1m", ">5m", ">1h". The text changes only
    /// at those steps, so a quiet screen (a frozen market, a closed one) still writes nothing
    /// between them; the HUD lists each visible code's exact age in seconds.
    static func pushText(_ s: AppState) -> (text: String, stale: Bool) {
        guard let at = s.lastPushAt else { return ("push -", false) }
        let elapsed = s.now - at
        guard elapsed >= HealthState.staleAfter else { return ("push live", false) }
        let step = staleSteps.first { elapsed >= $0.seconds }?.label ?? ">\(Int(HealthState.staleAfter))s"
        return ("push " + step, true)
    }

    /// The status bar's stale steps, longest first.
    static let staleSteps: [(seconds: Double, label: String)] = [
        (3600, ">1h"), (300, ">5m"), (60, ">1m"), (HealthState.staleAfter, ">\(Int(HealthState.staleAfter))s"),
    ]

    /// "12s", "3m05s", "2h07m": whole seconds, coarser as it grows.
    static func age(seconds: Double) -> String {
        let t = Int(max(0, seconds).rounded(.down))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if t < 60 { return "\(t)s" }
        if t < 3600 { return "\(t / 60)m\(two(t % 60))s" }
        return "\(t / 3600)h\(two(t / 60 % 60))m"
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
