import Foundation
import OpenDProtocol
import TradingKit

/// Account calls beyond orders: Trd_FlowSummary (2226, get_acc_cash_flow) and
/// Trd_GetMarginRatio (2223). As on OpenD, paper (SIMULATE) accounts have no cash-flow records.
extension GatewayCore {
    static let simulateCashFlowMessage = "Paper trading (SIMULATE) accounts do not support cash flow queries (模拟交易暂不支持查询现金流水)"
    /// OpenD's refusal of cancel-all for paper and A-share Connect accounts (reference: 模拟交易以及 A 股通账户暂不支持全部撤单).
    static let cancelAllRefusal = "模拟交易以及 A 股通账户暂不支持全部撤单 (cancel-all is not supported for SIMULATE and A-share Connect accounts)"

    func flowSummary(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdFlowSummary_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                guard a.environment == .real else { return .failure(Self.simulateCashFlowMessage) }
                if let p = limiter.admit(.trdFlowSummary, account: a.id, at: now) { return .failure(p) }
                guard c2s.clearingDate.isEmpty || ExchangeTime.parse(c2s.clearingDate) != nil else {
                    return .failure("clearingDate must be a date \"YYYY-MM-DD\"")
                }
                let direction = c2s.hasCashFlowDirection ? c2s.cashFlowDirection : 0
                guard (0...2).contains(direction) else { return .failure("Unknown cash flow direction \(direction)") }
                var s = TrdFlowSummary_S2C()
                s.header = c2s.header
                for fill in broker.fills(of: a.id) {
                    let day = String(fill.time.prefix(10))
                    let clearing = c2s.clearingDate.isEmpty ? ExchangeTime(now, market: fill.code.market).dateText : c2s.clearingDate
                    guard day == clearing else { continue }
                    let flowDirection: Int32 = fill.side == .buy ? 2 : 1
                    if direction != 0 && direction != flowDirection { continue }
                    var info = TrdFlowSummary_FlowSummaryInfo()
                    info.cashFlowID = fill.id
                    info.clearingDate = day
                    info.settlementDate = settlementDate(day, market: fill.code.market)
                    info.currency = a.currencyWire
                    info.cashFlowType = fill.side == .buy ? "Stock Buy" : "Stock Sell"
                    info.cashFlowDirection = flowDirection
                    let amount = Price(micros: fill.price.micros * fill.quantity)
                    info.cashFlowAmount = (fill.side == .buy ? Price(micros: -amount.micros) : amount).wireValue
                    info.cashFlowRemark = "\(fill.side == .buy ? "Bought" : "Sold") \(fill.quantity) \(fill.code) @ \(fill.price.formatted())"
                    info.createTime = fill.time
                    s.flowSummaryInfoList.append(info)
                }
                // Fees leave cash once per order (charged on its cumulative fill): one outflow each.
                for order in broker.orders(of: a.id) where order.fees > 0 {
                    let day = String(order.updateTime.prefix(10))
                    let clearing = c2s.clearingDate.isEmpty ? ExchangeTime(now, market: order.code.market).dateText : c2s.clearingDate
                    guard day == clearing, direction != 1 else { continue }
                    var info = TrdFlowSummary_FlowSummaryInfo()
                    info.cashFlowID = order.id
                    info.clearingDate = day
                    info.settlementDate = settlementDate(day, market: order.code.market)
                    info.currency = a.currencyWire
                    info.cashFlowType = "Fees"
                    info.cashFlowDirection = 2
                    info.cashFlowAmount = Price(micros: -order.fees).wireValue
                    info.cashFlowRemark = "Fees of order \(order.id) (\(order.side == .buy ? "buy" : "sell") \(order.filledQuantity) \(order.code))"
                    info.createTime = order.updateTime
                    s.flowSummaryInfoList.append(info)
                }
                return .success(s)
            }
        }
    }

    /// Settlement: T+2 trading days in HK and A-shares (cash side), T+1 in the US.
    private func settlementDate(_ day: String, market: Market) -> String {
        guard var t = ExchangeTime.parse(day) else { return day }
        var left = market == .us ? 1 : 2
        while left > 0 {
            t += 86_400
            let w = ExchangeTime(localSeconds: t).weekday
            if w != 0 && w != 6 { left -= 1 }
        }
        return ExchangeTime(localSeconds: t).dateText
    }

    func getMarginRatio(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, TrdGetMarginRatio_Request.self) { c2s in
            switch account(for: c2s.header) {
            case let .failure(f): return .failure(f.message)
            case let .success(a):
                if let p = limiter.admit(.trdGetMarginRatio, at: now) { return .failure(p) }
                guard c2s.securityList.count <= 100 else { return .failure("At most 100 securities per margin ratio request") }
                switch resolve(c2s.securityList) {
                case let .failure(f): return .failure(f.message)
                case let .success(codes):
                    for code in codes where !a.trades(code) {
                        return .failure("The account \(a.id) does not trade \(code)")
                    }
                    var s = TrdGetMarginRatio_S2C()
                    s.header = c2s.header
                    s.marginRatioInfoList = codes.map { marginInfo(market[$0]!) }
                    return .success(s)
                }
            }
        }
    }

    /// Margin terms from the instrument's size and price: large, liquid names are marginable
    /// with lower initial margin; penny stocks are not; US names and HK large caps can be shorted.
    private func marginInfo(_ live: InstrumentMarket) -> TrdGetMarginRatio_MarginRatioInfo {
        let figures = InstrumentFigures(live, market: market)
        let cap = figures.last * Double(figures.facts.totalShares)
        let bigCap: Double = live.instrument.code.market == .us ? 1e11 : 2e11
        let penny = figures.last < 1
        var info = TrdGetMarginRatio_MarginRatioInfo()
        info.security = Wire.security(live.instrument.code)
        info.isLongPermit = !penny
        info.isShortPermit = !penny && (live.instrument.code.market == .us || (live.instrument.code.market == .hk && cap >= bigCap))
        let im: Double = penny ? 100 : (cap >= bigCap ? 25 : (cap >= bigCap / 10 ? 40 : 60))
        info.imLongRatio = im
        info.imShortRatio = info.isShortPermit ? im + 10 : 100
        info.mcmLongRatio = max(im - 5, 0)
        info.mcmShortRatio = info.isShortPermit ? im + 5 : 100
        info.mmLongRatio = max(im - 10, 0)
        info.mmShortRatio = info.isShortPermit ? im : 100
        info.alertLongRatio = max(im - 2, 0)
        info.alertShortRatio = info.isShortPermit ? im + 8 : 100
        info.shortPoolRemain = info.isShortPermit ? Double(figures.facts.floatShares / 1000) : 0
        info.shortFeeRate = info.isShortPermit ? (cap >= bigCap ? 1.5 : 6.8) : 0
        return info
    }
}
