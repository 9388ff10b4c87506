import Foundation
import OpenDProtocol
import TradingKit

/// Qot_RequestTradeDate (3219): the trading days of a market between two dates. The simulated
/// exchanges trade every weekday (the timetable has no holidays), so that is what it returns.
extension GatewayCore {
    /// Qot_Common.TradeDateMarket of a security's exchange.
    static func tradeDateMarket(_ market: Market) -> Int32 {
        switch market {
        case .hk: return 1
        case .us: return 2
        case .sh, .sz: return 3
        }
    }

    func requestTradeDate(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotRequestTradeDate_Request.self) { c2s in
            if let problem = limiter.admit(.qotRequestTradeDate, at: now) { return .failure(problem) }
            var marketCode = c2s.market
            if c2s.hasSecurity, !c2s.security.code.isEmpty {
                guard let code = Wire.code(c2s.security), market[code] != nil else {
                    return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
                }
                marketCode = Self.tradeDateMarket(code.market)
            }
            guard (1...3).contains(marketCode) else {
                return .failure("Unsupported market \(marketCode) for trading days (the simulator lists HK, US and CN)")
            }
            guard let begin = ExchangeTime.parse(c2s.beginTime), let end = ExchangeTime.parse(c2s.endTime) else {
                return .failure("beginTime and endTime must be dates \"YYYY-MM-DD\"")
            }
            guard begin <= end else { return .failure("beginTime must not be after endTime") }
            guard end - begin <= 86_400 * 3660 else { return .failure("At most 10 years of trading days per request") }
            let offset: Int64 = marketCode == 2 ? ExchangeTime.offset(.us, at: now) : ExchangeTime.offset(.hk, at: now)
            var s = QotRequestTradeDate_S2C()
            var day = ExchangeTime(localSeconds: begin).dayStart
            while day <= end {
                let t = ExchangeTime(localSeconds: day)
                if t.weekday != 0 && t.weekday != 6 {
                    var d = QotRequestTradeDate_TradeDate()
                    d.time = t.dateText
                    d.timestamp = Double(day - offset)
                    d.tradeDateType = 0
                    s.tradeDateList.append(d)
                }
                day += 86_400
            }
            return .success(s)
        }
    }
}
