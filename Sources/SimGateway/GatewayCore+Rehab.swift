import Foundation
import OpenDProtocol
import TradingKit

/// Qot_RequestRehab (3105): corporate actions with their adjustment factors. The simulator's
/// companies pay one cash dividend a year (from their invented earnings) on a date of their own.
extension GatewayCore {
    func requestRehab(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotRequestRehab_Request.self) { c2s in
            if let problem = limiter.admit(.qotRequestRehab, at: now) { return .failure(problem) }
            guard let code = Wire.code(c2s.security), let live = market[code] else {
                return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
            }
            var s = QotRequestRehab_S2C()
            s.rehabList = dividends(live, now: now)
            return .success(s)
        }
    }

    /// Yearly ex-dividend dates over the last five years, oldest first.
    func dividends(_ live: InstrumentMarket, now: Date) -> [QotCommon_Rehab] {
        let instrument = live.instrument
        let facts = Fundamentals(instrument: instrument, seed: market.seed)
        let price = InstrumentFigures.units(live.previousClose)
        let dividend = facts.yearlyDividend(price: price)
        guard instrument.kind == .stock, dividend > 0 else { return [] }
        let hash = Fundamentals.hash(instrument.code.description)
        let month = 4 + Int(hash % 6), dayOfMonth = 3 + Int((hash >> 8) % 24)
        let today = ExchangeTime(now, market: instrument.code.market)
        let year = Int(today.dateText.prefix(4)) ?? 2026
        var out: [QotCommon_Rehab] = []
        for y in (year - 5)...year {
            let text = String(format: "%04d-%02d-%02d", y, month, dayOfMonth)
            guard let local = ExchangeTime.parse(text), local < today.dayStart else { continue }
            var r = QotCommon_Rehab()
            r.time = text
            r.companyActFlag = 64
            r.dividend = dividend
            // Forward-adjusted = raw × A + B; backward-adjusted likewise.
            r.fwdFactorA = 1
            r.fwdFactorB = -dividend
            r.bwdFactorA = 1
            r.bwdFactorB = dividend
            r.timestamp = Double(local - ExchangeTime.offset(instrument.code.market, at: now))
            out.append(r)
        }
        return out
    }
}
