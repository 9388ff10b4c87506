import TerminalUI
import TradingKit

/// The one place the state changes: `reduce(&state, event)` returns the effects to run.
/// Pure (no I/O, no clock): every test is a plain value in, plain values out.
public enum AppReducer {
    /// Seconds a status message stays.
    public static let messageSeconds = 5.0
    /// Ticks loaded when a code gets the detail panes.
    public static let initialTicks = 50
    /// Bars loaded per series.
    public static let initialBars = 120

    /// Applies `event` to `state` and returns the work to do.
    public static func reduce(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
        switch event {
        case .started:
            state.connection = .live
            state.hasBeenLive = true
            var effects: [Effect] = []
            if !state.watchlist.isEmpty {
                effects += [
                    .subscribe(state.watchlist, [.quote]), .loadSecurityInfo(state.watchlist),
                    .loadSnapshots(state.watchlist),
                ]
            }
            effects += selectionEffects(&state)
            effects += [.loadPortfolio, .refreshLimits, .loadAlerts, .loadGroups]
            return effects
        case .key(let key):
            return handle(key: key, &state)
        case .action(let action):
            return handle(action: action, &state)
        case .resize(let size):
            state.size = size
            return []
        case .timer(let now):
            state.now = now
            if let m = state.message, m.expiresAt <= now { state.message = nil }
            return [.refreshLimits] + (state.health.isShown ? [.refreshHealth] : [])
                + (state.isReplay ? [.replay(.status)] : [])
                + (state.recording?.active == true ? [.recording(.status)] : [])
        case .signal:
            state.isFinished = true
            return []
        case .gateway(let push, let at):
            state.now = max(state.now, at)
            noteHealth(of: push, at: at, &state)
            return handle(push: push, at: at, &state)
        case .response(let response):
            return handle(response: response, &state)
        case .pushesWaiting:
            return []  // the program takes the pushes at the next frame (MooProgram)
        }
    }

    // MARK: keys

    static func handle(key: Key, _ state: inout AppState) -> [Effect] {
        switch state.modal {
        case .ticket(let ticket):
            return handleTicket(key: key, ticket, &state)
        case .command(let text):
            switch key {
            case .escape: state.modal = nil
            case .backspace: state.modal = text.isEmpty ? nil : .command(String(text.dropLast()))
            case .enter: return submitCommand(text, &state)
            case .character(let c) where text.count < 60 && !c.isNewline: state.modal = .command(text + String(c))
            default: break
            }
            return []
        case .alert(let dialog):
            return handleAlertDialog(key: key, dialog, &state)
        case .confirm(_, let effects):
            switch key {
            case .character("y"), .character("Y"), .enter:
                state.modal = nil
                return effects
            case .character("n"), .character("N"), .escape:
                state.modal = nil
                say("nothing sent", error: false, &state)
            default: break
            }
            return []
        default:
            break
        }
        if case .addCode(let text) = state.modal {
            switch key {
            case .escape:
                state.modal = nil
            case .backspace:
                state.modal = .addCode(String(text.dropLast()))
            case .enter:
                state.modal = nil
                return submitAdd(text, &state)
            case .character(let c) where text.count < 24 && !c.isNewline:
                state.modal = .addCode(text + String(c))
            default:
                break
            }
            return []
        }
        guard let name = state.keymap.action(for: key, modes: state.activeModes),
            let action = AppAction(rawValue: name)
        else { return [] }
        return handle(action: action, &state)
    }

    static func submitAdd(_ text: String, _ state: inout AppState) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let code: SecurityCode
        do {
            code = try SecurityCode(parsing: trimmed)
        } catch {
            say("\(error)", error: true, &state)
            return []
        }
        if state.watchlist.contains(code) {
            say("\(code) is already in the watchlist", error: false, &state)
            if let i = state.watchlist.firstIndex(of: code) { return select(i, &state) }
            return []
        }
        state.pendingAdds.insert(code)
        say("checking \(code)…", error: false, &state)
        return [.checkSecurity(code)]
    }

    // MARK: actions

    static func handle(action: AppAction, _ state: inout AppState) -> [Effect] {
        switch action {
        case .quit:
            state.isFinished = true
        case .healthToggle:
            return toggleHealth(&state)
        case .help:
            state.modal = .help(offset: 0)
        case .helpClose:
            state.modal = nil
        case .focusNext, .focusPrevious:
            let panes = Pane.allCases
            let i = panes.firstIndex(of: state.focus) ?? 0
            let step = action == .focusNext ? 1 : panes.count - 1
            state.focus = panes[(i + step) % panes.count]
            state.tab = state.focus.isPortfolio ? .portfolio : .market
            if state.focus == .positions { return selectPositionCode(&state) }
        case .tabMarket:
            state.tab = .market
            if state.focus.isPortfolio { state.focus = .watchlist }
        case .tabDetail:
            state.tab = .detail
            if state.focus != .watchlist { state.focus = .watchlist }
        case .tabPortfolio:
            state.tab = .portfolio
            state.focus = .orders
        case .chartPeriodNext, .chartPeriodPrevious:
            let periods = AppState.chartPeriods
            let i = periods.firstIndex(of: state.chartPeriod) ?? 0
            let step = action == .chartPeriodNext ? 1 : periods.count - 1
            state.chartPeriod = periods[(i + step) % periods.count]
            return historyEffects(&state)
        case .watchAdd:
            state.modal = .addCode("")
        case .watchRemove:
            return removeSelected(&state)
        case .redraw:
            return [.redrawAll]
        case .cursorUp, .cursorDown, .cursorTop, .cursorBottom, .cursorCenter, .pageUp, .pageDown:
            return moveCursor(action, &state)
        case .orderCancel:
            return confirmCancelSelected(&state)
        case .orderCancelAll:
            return confirmCancelAllOfSelected(&state)
        case .orderCancelAllWorking:
            askToCancelAll(of: nil, &state)
        case .orderRepriceUp, .orderRepriceDown:
            return repriceSelected(up: action == .orderRepriceUp, &state)
        case .positionClose:
            return openClosingTicketForFocus(&state)
        case .alertSet:
            return openAlertDialog(&state)
        case .alertDelete:
            return confirmDeleteSelectedAlert(&state)
        case .watchGroupNext, .watchGroupPrevious:
            return switchGroup(forward: action == .watchGroupNext, &state)
        case .orderModify:
            return openModifyTicket(&state)
        case .ticketBuy:
            return openTicket(side: .buy, &state)
        case .ticketSell:
            return openTicket(side: .sell, &state)
        case .ticketLevel:
            return openTicketAtLevel(&state)
        case .ticketClosePosition:
            return openClosingTicketForFocus(&state)
        case .commandOpen:
            state.modal = .command("")
        case .recordToggle:
            return toggleRecording(&state)
        case .replayPause, .replayStep, .replayStepSecond, .replayFaster, .replaySlower, .replayForward, .replayBack,
            .replayForwardMinute, .replayBackMinute:
            return replayEffects(action, state)
        case .ticketSubmit, .ticketClose, .ticketFieldNext, .ticketFieldPrevious, .ticketIncrease, .ticketDecrease,
            .ticketSideToggle, .ticketMax:
            break  // only inside the ticket
        }
        return []
    }

    static func moveCursor(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        if case .help(let offset) = state.modal {
            let delta = action == .cursorUp || action == .pageUp ? -1 : 1
            state.modal = .help(offset: max(0, offset + delta * (action == .pageUp || action == .pageDown ? 10 : 1)))
            return []
        }
        switch state.focus {
        case .watchlist:
            guard !state.watchlist.isEmpty else { return [] }
            let last = state.watchlist.count - 1
            let target: Int
            switch action {
            case .cursorUp: target = state.selectedIndex - 1
            case .cursorDown: target = state.selectedIndex + 1
            case .cursorTop: target = 0
            case .cursorBottom: target = last
            case .pageUp: target = state.selectedIndex - 10
            case .pageDown: target = state.selectedIndex + 10
            default: target = state.selectedIndex
            }
            return select(min(max(target, 0), last), &state)
        case .book:
            // rows 0...9 are asks (level 10 at the top), 10...19 bids (best first)
            switch action {
            case .cursorUp: state.bookCursor = max(0, state.bookCursor - 1)
            case .cursorDown: state.bookCursor = min(19, state.bookCursor + 1)
            case .cursorTop, .pageUp: state.bookCursor = 0
            case .cursorBottom, .pageDown: state.bookCursor = 19
            default: state.bookCursor = 10
            }
        case .positions:
            return movePositionCursor(action, &state)
        case .alerts:
            state.alertCursor = listCursor(state.alertCursor, after: action, count: state.alerts.count)
        case .orders:
            state.orderCursor = listCursor(state.orderCursor, after: action, count: state.orders.count)
        }
        return []
    }

    static func select(_ index: Int, _ state: inout AppState) -> [Effect] {
        guard index != state.selectedIndex || !state.watchlist.indices.contains(state.selectedIndex) else { return [] }
        state.selectedIndex = index
        state.bookCursor = 10
        return selectionEffects(&state)
    }

    /// Subscribes the detail panes to the selected code (once) and loads its chart.
    static func selectionEffects(_ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode else { return [] }
        var effects: [Effect] = []
        if state.detailCodes.insert(code).inserted {
            effects.append(.watchDetail(code))
            state.requestedHistory.insert(CandleSeries(code, .oneMinute))
        }
        return effects + historyEffects(&state)
    }

    static func historyEffects(_ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode else { return [] }
        let series = CandleSeries(code, state.chartPeriod)
        guard state.requestedHistory.insert(series).inserted else { return [] }
        return [.loadHistory(series, count: initialBars)]
    }

    static func removeSelected(_ state: inout AppState) -> [Effect] {
        guard let code = state.selectedCode else { return [] }
        if let group = state.activeGroup, state.groups.first(where: { $0.name == group })?.isSystem == true {
            say("\(group) is a system group: it cannot be edited here", error: true, &state)
            return []
        }
        state.watchlist.remove(at: state.selectedIndex)
        state.quotes[code] = nil
        say("removed \(code)\(state.activeGroup.map { " from \($0)" } ?? "")", error: false, &state)
        var effects: [Effect] = watchlistEdited(removing: code, state) + [.unsubscribe([code], [.quote])]
        if state.selectedIndex >= state.watchlist.count { state.selectedIndex = max(0, state.watchlist.count - 1) }
        state.bookCursor = 10
        effects += selectionEffects(&state)
        return effects
    }

    static func say(_ text: String, error: Bool, _ state: inout AppState) {
        state.message = StatusMessage(text: text, isError: error, expiresAt: state.now + messageSeconds)
    }
}
