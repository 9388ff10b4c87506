import Foundation
import NIOCore
import OpenDProtocol
import TradingKit

/// Price reminders: Qot_SetPriceReminder (3220), Qot_GetPriceReminder (3221) and the
/// Qot_UpdatePriceReminder (3019) push to every connection when one triggers. Thresholds as
/// OpenD takes them: prices in the security's currency, rates in percent (a "down" rate is given
/// positive), volumes in shares, turnover in currency.
extension GatewayCore {
    static let remindersPerTypePerStock = 10

    /// A threshold floored to OpenD's precision: turnover to 10 currency units, volume to 1000
    /// shares (A-shares) or 10, bid/ask size to 100 shares (A-shares), the rest to 3 decimals.
    static func reminderValue(_ value: Double, type: Int32, market: Market) -> Double {
        let aShare = market == .sh || market == .sz
        let step: Double
        switch type {
        case 8: step = 10
        case 7: step = aShare ? 1000 : 10
        case 12, 13: step = aShare ? 100 : 0.001
        default: step = 0.001
        }
        // A value already on the step (248.7 → 248699.99999… steps in binary) stays where it is.
        let units = value / step
        let nearest = units.rounded()
        return (abs(units - nearest) < 1e-6 ? nearest : units.rounded(.towardZero)) * step
    }

    func setPriceReminder(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotSetPriceReminder_Request.self) { c2s in
            if let problem = limiter.admit(.qotSetPriceReminder, at: now) { return .failure(problem) }
            guard let code = Wire.code(c2s.security), market[code] != nil else {
                return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
            }
            var all = userData.reminders
            var key: Int64 = 0
            func find() -> Int? { all.firstIndex { $0.key == c2s.key && $0.code == code } }
            switch c2s.op {
            case 1, 5:
                guard (1...15).contains(c2s.type) else { return .failure("Unknown PriceReminderType \(c2s.type)") }
                guard (1...3).contains(c2s.freq) else { return .failure("Unknown PriceReminderFreq \(c2s.freq)") }
                guard c2s.hasValue, c2s.value.isFinite, c2s.value > 0 else { return .failure("value must be a positive number") }
                let value = Self.reminderValue(c2s.value, type: c2s.type, market: code.market)
                if c2s.op == 1 {
                    let same = all.filter { $0.code == code && $0.type == c2s.type }.count
                    guard same < Self.remindersPerTypePerStock else {
                        return .failure("At most \(Self.remindersPerTypePerStock) reminders of one type per stock")
                    }
                    key = userData.nextReminderKey
                    all.append(PriceReminder(key: key, code: code, type: c2s.type, value: value, note: c2s.note,
                                             frequency: c2s.freq, isEnabled: true, sessions: c2s.reminderSessionList,
                                             lastFiredDay: ""))
                } else {
                    guard let i = find() else { return .failure("No price reminder with key \(c2s.key) on \(code)") }
                    all[i].type = c2s.type
                    all[i].frequency = c2s.freq
                    all[i].value = value
                    if c2s.hasNote { all[i].note = c2s.note }
                    all[i].sessions = c2s.reminderSessionList
                    all[i].lastFiredDay = ""
                    key = c2s.key
                }
            case 2, 3, 4:
                guard let i = find() else { return .failure("No price reminder with key \(c2s.key) on \(code)") }
                key = c2s.key
                if c2s.op == 2 { all.remove(at: i) } else { all[i].isEnabled = c2s.op == 3 }
            case 6:
                all.removeAll { $0.code == code }
            default:
                return .failure("Unknown SetPriceReminderOp \(c2s.op)")
            }
            do {
                try userData.setReminders(all)
            } catch {
                return .failure("The simulated OpenD could not save the price reminder: \(error)")
            }
            var s = QotSetPriceReminder_S2C()
            s.key = key
            return .success(s)
        }
    }

    func getPriceReminder(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetPriceReminder_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetPriceReminder, at: now) { return .failure(problem) }
            var only: SecurityCode?
            var marketFilter: Market?
            if c2s.hasSecurity {
                guard let code = Wire.code(c2s.security), market[code] != nil else {
                    return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
                }
                only = code
            } else if c2s.hasMarket {
                guard let m = Market(qotMarket: c2s.market) else { return .failure("Unsupported market \(c2s.market)") }
                marketFilter = m
            } else {
                return .failure("Give a security or a market")
            }
            var byCode: [SecurityCode: [PriceReminder]] = [:]
            var order: [SecurityCode] = []
            for r in userData.reminders {
                if let only, r.code != only { continue }
                if let marketFilter, r.code.market != marketFilter { continue }
                if byCode[r.code] == nil { order.append(r.code) }
                byCode[r.code, default: []].append(r)
            }
            var s = QotGetPriceReminder_S2C()
            s.priceReminderList = order.map { code in
                var p = QotGetPriceReminder_PriceReminder()
                p.security = Wire.security(code)
                p.name = market[code]?.instrument.name ?? ""
                p.itemList = byCode[code]!.map { r in
                    var item = QotGetPriceReminder_PriceReminderItem()
                    item.key = r.key
                    item.type = r.type
                    item.value = r.value
                    item.note = r.note
                    item.freq = r.frequency
                    item.isEnable = r.isEnabled
                    item.reminderSessionList = r.sessions
                    return item
                }
                return p
            }
            return .success(s)
        }
    }

    /// The current figure a reminder of `type` watches, and whether `value` is reached.
    private func reminderState(_ r: PriceReminder, _ live: InstrumentMarket) -> (current: Double, reached: Bool) {
        let figures = InstrumentFigures(live, market: market)
        let units = InstrumentFigures.units
        switch r.type {
        case 1: return (figures.last, live.last >= Price(wire: r.value))
        case 2: return (figures.last, live.last <= Price(wire: r.value))
        case 3: return (figures.changeRate, figures.changeRate >= r.value)
        case 4: return (figures.changeRate, figures.changeRate <= -r.value)
        case 5: let c = figures.changeRate(minutes: 5); return (c, c >= r.value)
        case 6: let c = figures.changeRate(minutes: 5); return (c, c <= -r.value)
        case 14: let c = figures.changeRate(minutes: 3); return (c, c >= r.value)
        case 15: let c = figures.changeRate(minutes: 3); return (c, c <= -r.value)
        case 7: return (Double(live.volume), Double(live.volume) >= r.value)
        case 8: return (Double(live.turnover), Double(live.turnover) >= r.value)
        case 9:
            let rate = Double(live.volume) / Double(max(figures.facts.floatShares, 1)) * 100
            return (rate, rate >= r.value)
        case 10:
            guard let bid = live.bids.first else { return (0, false) }
            return (units(bid.price), bid.price >= Price(wire: r.value))
        case 11:
            guard let ask = live.asks.first else { return (0, false) }
            return (units(ask.price), ask.price <= Price(wire: r.value))
        case 12: return (Double(live.bids.first?.volume ?? 0), Double(live.bids.first?.volume ?? 0) >= r.value)
        case 13: return (Double(live.asks.first?.volume ?? 0), Double(live.asks.first?.volume ?? 0) >= r.value)
        default: return (0, false)
        }
    }

    private static let reminderWords: [Int32: String] = [
        1: "price rose to", 2: "price fell to", 3: "day change rose to", 4: "day change fell to",
        5: "5-minute change rose to", 6: "5-minute change fell to", 7: "volume reached", 8: "turnover reached",
        9: "turnover rate reached", 10: "bid rose to", 11: "ask fell to", 12: "bid size reached", 13: "ask size reached",
        14: "3-minute change rose to", 15: "3-minute change fell to",
    ]

    /// Checks the enabled reminders on `codes` after a market update; returns a push per reminder
    /// that triggers, to every connection.
    func reminderPushes(_ codes: [SecurityCode], at now: Date) -> [Outgoing] {
        let moved = Set(codes)
        var fired: [(PriceReminder, Double)] = []
        var changed = false
        var all = userData.reminders
        for i in all.indices where all[i].isEnabled && moved.contains(all[i].code) {
            guard let live = market[all[i].code] else { continue }
            let (current, reached) = reminderState(all[i], live)
            let key = all[i].key
            let was = userData.holding.contains(key)
            if reached { userData.holding.insert(key) } else { userData.holding.remove(key) }
            guard reached, !was else { continue }
            let day = ExchangeTime(now, market: all[i].code.market).dateText
            if all[i].frequency == 2 && all[i].lastFiredDay == day { continue }
            all[i].lastFiredDay = day
            if all[i].frequency == 3 { all[i].isEnabled = false }
            changed = true
            fired.append((all[i], current))
        }
        guard !fired.isEmpty else { return [] }
        if changed {
            do { try userData.setReminders(all) } catch { logger.error("cannot save price reminders: \(error)") }
        }
        var out: [Outgoing] = []
        for (r, current) in fired {
            guard let live = market[r.code] else { continue }
            let figures = InstrumentFigures(live, market: market)
            var s = QotUpdatePriceReminder_S2C()
            s.security = Wire.security(r.code)
            s.name = live.instrument.name
            s.price = live.last.wireValue
            s.changeRate = figures.changeRate
            s.marketStatus = 1
            s.content = "\(live.instrument.name) \(Self.reminderWords[r.type] ?? "reached") \(String(format: "%.3f", r.value))"
            s.note = r.note
            s.key = r.key
            s.type = r.type
            s.setValue = r.value
            s.curValue = current
            for conn in connections.values.filter(\.initialized).map(\.id).sorted() {
                let frame = makeFrame(protoID: ProtoID.qotUpdatePriceReminder.rawValue, serial: nextPushSerial(conn),
                                      QotUpdatePriceReminder_Response.success(s))
                out.append(Outgoing(connection: conn, frame: frame))
            }
        }
        return out
    }
}
