import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// Adds a price reminder (3220, op Add); returns OpenD's key for it.
    public func addPriceAlert(_ alert: PriceAlert) async throws -> Int64 {
        var c = QotSetPriceReminder_C2S()
        c.security = alert.code.wireSecurity
        c.op = 1
        c.type = alert.kind.rawValue
        c.freq = alert.frequency.rawValue
        c.value = alert.value.wireValue
        if !alert.note.isEmpty { c.note = alert.note }
        return try await connection.request(QotSetPriceReminder_Request(c2s: c)).key
    }

    /// Deletes the price reminder `key` of `code` (3220, op Del).
    public func deletePriceAlert(_ code: SecurityCode, key: Int64) async throws {
        var c = QotSetPriceReminder_C2S()
        c.security = code.wireSecurity
        c.op = 2
        c.key = key
        _ = try await connection.request(QotSetPriceReminder_Request(c2s: c))
    }

    /// The price reminders of `markets` (3221, one request per market), in OpenD's order.
    /// Reminder types mootui does not set (turnover, bid size ...) are left out.
    public func priceAlerts(markets: [Market] = Market.allCases) async throws -> [PriceAlert] {
        var out: [PriceAlert] = []
        for m in markets {
            var c = QotGetPriceReminder_C2S()
            c.market = m.qotMarket
            let s2c = try await connection.request(QotGetPriceReminder_Request(c2s: c))
            for r in s2c.priceReminderList {
                guard let code = try? SecurityCode(wire: r.security) else { continue }
                for item in r.itemList {
                    guard let kind = PriceAlert.Kind(rawValue: item.type) else { continue }
                    out.append(PriceAlert(
                        key: item.key, code: code, kind: kind, value: Price(wire: item.value),
                        frequency: PriceAlert.Frequency(rawValue: item.freq) ?? .always, isEnabled: item.isEnable,
                        note: item.note))
                }
            }
        }
        return out
    }
}

extension PriceAlertTrigger {
    /// From the Qot_UpdatePriceReminder push (3019); figures become exact at this boundary.
    init(wire s: QotUpdatePriceReminder_S2C) throws {
        self.init(
            key: s.key, code: try SecurityCode(wire: s.security), name: s.name,
            kind: s.hasType ? PriceAlert.Kind(rawValue: s.type) : nil, setValue: Price(wire: s.setValue),
            currentValue: Price(wire: s.curValue), price: Price(wire: s.price), content: s.content, note: s.note)
    }
}
