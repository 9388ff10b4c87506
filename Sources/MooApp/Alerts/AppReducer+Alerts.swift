import TerminalUI
import TradingKit

/// Price alerts through OpenD's price reminders: `a` opens the dialog on the selected code, the
/// alerts pane lists and deletes them, a triggered one shows a message, rings the bell (unless
/// the settings turn it off) and marks the code in the watchlist.
extension AppReducer {
    /// How a triggered alert's message starts.
    static let alertPrefix = "ALERT "
    /// Seconds a triggered alert's message stays (longer than other messages).
    static let alertMessageSeconds = 15.0

    /// `a`: the alert dialog on the selected code.
    static func openAlertDialog(_ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode else { return [] }
        let tick = state.securities[code]?.tickRules ?? TickRules.forCode(code)
        let q = state.quotes[code]
        state.modal = .alert(AlertDialog(code: code, name: state.name(of: code), last: q?.last, volume: q?.volume,
                                         tickRules: tick))
        return []
    }

    /// Keys while the alert dialog is open: Up/Down/Tab change what is watched, printable keys
    /// edit the value, Enter sets the alert when the value is valid, Esc closes.
    static func handleAlertDialog(key: Key, _ dialog: AlertDialog, _ state: inout AppState) -> [Effect] {
        var d = dialog
        switch key {
        case .escape:
            state.modal = nil
            return []
        case .up, .backTab: d.cycleKind(forward: false)
        case .down, .tab: d.cycleKind(forward: true)
        case .backspace, .delete: d.valueText = String(d.valueText.dropLast())
        case .enter:
            guard let alert = d.alert else { break }  // the reason stays on the dialog
            state.modal = nil
            say("setting alert \(alert.code) \(alert.condition)…", error: false, &state)
            return [.addAlert(alert)]
        case .character(let c) where d.valueText.count < 16 && (c.isNumber || c == "."):
            d.valueText.append(c)
        default: break
        }
        state.modal = .alert(d)
        return []
    }

    /// The alert under the alerts pane's cursor.
    static func selectedAlert(_ state: AppState) -> PriceAlert? {
        state.alerts.indices.contains(state.alertCursor) ? state.alerts[state.alertCursor] : nil
    }

    /// `d` in the alerts pane: confirm, then delete the alert on the gateway.
    static func confirmDeleteSelectedAlert(_ state: inout AppState) -> [Effect] {
        guard let alert = selectedAlert(state) else {
            say("no alerts", error: true, &state)
            return []
        }
        state.modal = .confirm(prompt: "delete alert \(alert.code) \(alert.condition)?", effects: [.deleteAlert(alert)])
        return []
    }

    /// The Qot_UpdatePriceReminder push: message, bell, mark; the list is read again (a
    /// once-only alert is now off).
    static func alertTriggered(_ t: PriceAlertTrigger, _ state: inout AppState) -> [Effect] {
        state.alertedCodes.insert(t.code)
        state.firedAlertKeys.insert(t.key)
        for i in state.alerts.indices where state.alerts[i].key == t.key && state.alerts[i].frequency == .once {
            state.alerts[i].isEnabled = false
        }
        let name = t.name.isEmpty ? state.name(of: t.code) : t.name
        let what = t.content.isEmpty ? (t.kind.map { "\($0.title) \(t.setValue.formatted())" } ?? "alert") : t.content
        let subject = name.isEmpty || t.content.hasPrefix(name) ? "\(t.code)" : "\(t.code) \(name)"
        say("\(alertPrefix)\(subject): \(what) (last \(t.price.formatted()))", error: false, &state)
        state.message?.expiresAt = state.now + alertMessageSeconds
        var effects: [Effect] = [.loadAlerts]
        if state.alertBell { effects.insert(.ringBell, at: 0) }
        return effects
    }
}
