import TradingKit

extension AppReducer {
    /// Notes a market-data push for the HUD: its code's newest-push time and, when OpenD
    /// stamped it, the skew between that stamp and the local clock.
    static func noteHealth(of push: GatewayEvent, at: Double, _ state: inout AppState) {
        let code: SecurityCode
        var stamp: Double?
        switch push {
        case .quote(let q): code = q.code; stamp = q.updateTimestamp
        case .orderBook(let b): code = b.code
        case .ticks(let c, let ticks): code = c; stamp = ticks.last?.timestamp
        case .bars(let c, _, _): code = c
        default: return
        }
        state.health.lastPushByCode[code] = at
        if let stamp, stamp > 0 {
            // hundredths of a second: finer would redraw the HUD for noise
            state.health.pushSkew = ((at + state.wallClockOffset - stamp) * 100).rounded() / 100
        }
    }

    /// The HUD key: shows or hides it; showing asks for a reading at once.
    static func toggleHealth(_ state: inout AppState) -> [Effect] {
        state.health.isShown.toggle()
        return state.health.isShown ? [.refreshHealth] : []
    }

    /// A reading from the gateway: kept, and the push rate worked out from the previous one.
    static func noteHealth(_ reading: GatewayHealth?, at now: Double, _ state: inout AppState) {
        if let reading, let previous = state.health.gateway, let then = state.health.sampledAt, now > then {
            let rate = Double(max(0, reading.pushes - previous.pushes)) / (now - then)
            state.health.pushRate = (rate * 10).rounded() / 10
        }
        state.health.gateway = reading
        state.health.sampledAt = now
    }
}
