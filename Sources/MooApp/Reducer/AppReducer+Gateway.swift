import TradingKit

extension AppReducer {
    static func handle(push: GatewayEvent, at: Double, _ state: inout AppState) -> [Effect] {
        switch push {
        case .connection(let status):
            switch status {
            case .live:
                state.connection = .live
                let dropped = state.hasDropped
                state.hasDropped = false
                guard dropped, state.hasBeenLive else {
                    state.hasBeenLive = true
                    return []
                }
                // Back after a drop: the connection replays subscriptions; refresh what was missed.
                say("gateway reconnected", error: false, &state)
                var effects: [Effect] = []
                if !state.watchlist.isEmpty { effects.append(.loadSnapshots(state.watchlist)) }
                if let code = state.selectedCode { effects.append(.watchDetail(code)) }
                return effects + [.loadPortfolio, .refreshLimits]
            case .connecting:
                // The stream's own history (connecting before the first connect) arrives after
                // `started`; only a connect that follows a drop is news.
                if state.connection.isLive && !state.hasDropped { return [] }
                state.connection = status
            case .disconnected, .reconnecting, .closed:
                if state.hasBeenLive { state.hasDropped = true }
                state.connection = status
            }
        case .subscriptionsRestored:
            // The reconnect's replay of subscriptions is done: only now is OpenD's quota count right.
            return [.refreshQuota]
        case .quote(let q):
            state.lastPushAt = at
            var q = q
            if q.name.isEmpty, let old = state.quotes[q.code] { q.name = old.name }
            state.quotes[q.code] = q
        case .orderBook(let book):
            state.lastPushAt = at
            state.books[book.code] = book
        case .ticks(let code, let ticks):
            state.lastPushAt = at
            state.tapes[code] = mergeTape(state.tapes[code] ?? [], ticks)
        case .ticksDropped(let code, let count):
            state.lastPushAt = at
            state.droppedPrints[code, default: 0] += count
        case .bars(let code, let period, let bars):
            state.lastPushAt = at
            let series = CandleSeries(code, period)
            state.candles[series] = mergeBars(state.candles[series] ?? [], bars)
        case .order(let order):
            settleUnknownOrder(pushed: order, &state)
            upsert(order, &state)
            return feeRequests(for: [order], state)
        case .fill(let fill):
            say(
                "filled \(fill.side == .buy ? "BUY" : "SELL") \(NumberFormat.quantity(fill.quantity)) \(fill.code) @ "
                    + Format.price(fill.price, fill.code, kind: state.securities[fill.code]?.kind),
                error: false, &state)
            return [.loadPortfolio]
        case .notice(let text):
            say(text, error: false, &state)
        case .priceAlert(let trigger):
            return alertTriggered(trigger, &state)
        }
        return []
    }

    static func handle(response: GatewayResponse, _ state: inout AppState) -> [Effect] {
        switch response {
        case .recordingStatus(let status):
            recorded(status, &state)
            return []
        case .replayStatus(let status):
            state.replayStatus = status
            return []
        case .securityChecked(let code, let info):
            state.pendingAdds.remove(code)
            guard let info, !info.isDelisted else {
                say("unknown code \(code): the gateway does not list it", error: true, &state)
                return []
            }
            guard !state.watchlist.contains(code) else { return [] }
            state.securities[code] = info
            state.watchlist.append(code)
            say("added \(code)\(info.name.isEmpty ? "" : " \(info.name)")\(state.activeGroup.map { " to \($0)" } ?? "")", error: false, &state)
            return watchlistEdited(adding: code, state) + [.subscribe([code], [.quote]), .loadSnapshots([code])]
        case .securityInfo(let infos):
            for info in infos { state.securities[info.code] = info }
        case .marketStates(let states):
            state.marketStates.merge(states) { $1 }
        case .snapshots(let snaps):
            for s in snaps {
                state.quotes[s.code] = Quote(
                    code: s.code, name: s.name, last: s.last, open: s.open, high: s.high, low: s.low,
                    previousClose: s.previousClose, volume: s.volume, turnover: s.turnover, priceSpread: s.priceSpread,
                    isSuspended: s.isSuspended, updateTime: s.updateTime)
                if state.securities[s.code] == nil {
                    state.securities[s.code] = SecurityInfo(
                        code: s.code, name: s.name, lotSize: s.lotSize, kind: s.kind)
                }
            }
        case .orderBook(let book):
            state.books[book.code] = book
        case .ticks(let code, let ticks):
            state.tapes[code] = mergeTape(state.tapes[code] ?? [], ticks)
        case .history(let series, let bars):
            state.candles[series] = mergeBars(state.candles[series] ?? [], bars)
        case .account(let account):
            state.account = account
        case .accounts(let accounts):
            state.accounts = accounts
            state.account = accounts.first
        case .funds(let funds):
            state.funds = funds
        case .accountFunds(let id, let funds):
            state.fundsByAccount[id] = funds
            if id == state.account?.id { state.funds = funds }
        case .positions(let positions):
            state.positions = positions
            state.positionCursor = min(state.positionCursor, max(0, positions.count - 1))
        case .orders(let orders):
            settleUnknownOrders(with: orders, &state)
            state.orders = state.unknownOrders + orders.sorted { ($0.createTime, $0.id) > ($1.createTime, $1.id) }
            state.orderCursor = min(state.orderCursor, max(0, state.orders.count - 1))
            return feeRequests(for: state.orders, state)
        case .orderFees(let reports, let filled):
            for r in reports { state.reportedFees[r.orderID] = ReportedFees(filledQuantity: filled[r.orderID] ?? 0, fees: r.fees) }
        case .health(let reading):
            noteHealth(reading, at: state.now, &state)
            return []
        case .limits(let quota, let budget):
            if let quota { state.quota = quota }
            if let budget { state.orderBudget = budget }
        case .orderCancelled(let id):
            say("cancel sent for order \(id)", error: false, &state)
        case .ticket(let answer):
            return handle(ticketResponse: answer, &state)
        case .alerts(let alerts):
            state.alerts = alerts.map { a in
                var a = a
                if a.frequency == .once && state.firedAlertKeys.contains(a.key) { a.isEnabled = false }
                return a
            }
            state.alertCursor = min(state.alertCursor, max(0, alerts.count - 1))
        case .groups(let groups):
            return groupsLoaded(groups, &state)
        case .groupSecurities(let name, let infos):
            return groupLoaded(name, infos, &state)
        case .notice(let text):
            // routine answers never hide a triggered alert still on screen
            if let m = state.message, m.text.hasPrefix(alertPrefix), m.expiresAt > state.now { break }
            say(text, error: false, &state)
        case .failed(let what, let reason):
            if what.hasPrefix("check "), let code = try? SecurityCode(parsing: String(what.dropFirst(6))) {
                state.pendingAdds.remove(code)
            }
            say("\(what): \(reason)", error: true, &state)
        }
        return []
    }

    /// Newest first, unique by sequence, at most ``AppState/tapeLimit``.
    static func mergeTape(_ old: [Tick], _ new: [Tick]) -> [Tick] {
        let newestOld = old.first?.sequence ?? Int64.min
        let fresh = new.filter { $0.sequence > newestOld }.sorted { $0.sequence > $1.sequence }
        if fresh.count == new.count || old.isEmpty {
            return Array((fresh + old).prefix(AppState.tapeLimit))
        }
        // out-of-order or overlapping batch (e.g. a reload after reconnect): merge by sequence
        var bySeq: [Int64: Tick] = [:]
        for t in old + new { bySeq[t.sequence] = t }
        return Array(bySeq.values.sorted { $0.sequence > $1.sequence }.prefix(AppState.tapeLimit))
    }

    /// Oldest first, one bar per time (a push replaces the forming bar), at most ``AppState/barLimit``.
    static func mergeBars(_ old: [Bar], _ new: [Bar]) -> [Bar] {
        var bars = old
        for bar in new.sorted(by: { $0.time < $1.time }) {
            if let last = bars.last, last.time == bar.time {
                bars[bars.count - 1] = bar
            } else if let last = bars.last, last.time > bar.time {
                if let i = bars.firstIndex(where: { $0.time == bar.time }) {
                    bars[i] = bar
                } else {
                    bars.append(bar)
                    bars.sort { $0.time < $1.time }
                }
            } else {
                bars.append(bar)
            }
        }
        return Array(bars.suffix(AppState.barLimit))
    }

    static func upsert(_ order: Order, _ state: inout AppState) {
        if let i = state.orders.firstIndex(where: { $0.id == order.id }) {
            state.orders[i] = order
        } else {
            state.orders.insert(order, at: 0)
        }
    }
}
