import Foundation
import OpenDProtocol
import TradingKit

/// Qot_GetCapitalFlow (3211) and Qot_GetCapitalDistribution (3212): where the money went, split
/// by order size. Derived from the simulated tape and bars (money follows the price: rising
/// minutes draw net inflow), with size shares fixed per code and seed.
extension GatewayCore {
    /// Shares of turnover by order size (super, big, mid, small), summing to 1.
    private func sizeShares(_ code: SecurityCode) -> [Double] {
        var r = SeededRandom(seed: market.seed ^ Fundamentals.hash(code.description) ^ 0xC0FFEE)
        let raw = [0.15 + 0.2 * r.unit(), 0.2 + 0.15 * r.unit(), 0.2 + 0.1 * r.unit(), 0.15 + 0.15 * r.unit()]
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// Net inflow of a period with `turnover` whose price went from `from` to `to`.
    private func netFlow(_ code: SecurityCode, turnover: Double, from: Price, to: Price, salt: Int64) -> Double {
        var r = SeededRandom(seed: market.seed ^ Fundamentals.hash(code.description) ^ UInt64(bitPattern: salt))
        let direction: Double = to > from ? 1 : (to < from ? -1 : (r.unit() < 0.5 ? -1 : 1))
        return turnover * direction * (0.05 + 0.3 * r.unit())
    }

    private func flowItem(_ code: SecurityCode, net: Double, time: String, timestamp: Double) -> QotGetCapitalFlow_CapitalFlowItem {
        let shares = sizeShares(code)
        var item = QotGetCapitalFlow_CapitalFlowItem()
        item.inFlow = net
        item.time = time
        item.timestamp = timestamp
        item.superInFlow = net * shares[0]
        item.bigInFlow = net * shares[1]
        item.midInFlow = net * shares[2]
        item.smlInFlow = net * shares[3]
        item.mainInFlow = item.superInFlow + item.bigInFlow
        return item
    }

    func getCapitalFlow(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetCapitalFlow_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetCapitalFlow, at: now) { return .failure(problem) }
            guard let code = Wire.code(c2s.security), let live = market[code] else {
                return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
            }
            let period = c2s.hasPeriodType ? c2s.periodType : 1
            var s = QotGetCapitalFlow_S2C()
            switch period {
            case 1:
                // Intraday: cumulative net inflow minute by minute.
                var total = 0.0
                var previous = live.previousClose
                for point in live.timeShare {
                    total += netFlow(code, turnover: Double(point.turnover), from: previous, to: point.price, salt: Int64(point.minute))
                    previous = point.price
                    s.flowItemList.append(flowItem(code, net: total, time: point.time, timestamp: point.timestamp))
                }
            case 2, 3, 4:
                let barPeriod: BarPeriod = period == 2 ? .day : (period == 3 ? .week : .month)
                var bars = market.bars(code, barPeriod, count: 1000)
                if c2s.hasBeginTime, !c2s.beginTime.isEmpty {
                    guard let b = ExchangeTime.parse(c2s.beginTime) else { return .failure("beginTime must be \"YYYY-MM-DD\"") }
                    bars.removeAll { $0.start < ExchangeTime(localSeconds: b).dayStart }
                }
                if c2s.hasEndTime, !c2s.endTime.isEmpty {
                    guard let e = ExchangeTime.parse(c2s.endTime) else { return .failure("endTime must be \"YYYY-MM-DD\"") }
                    bars.removeAll { $0.start > e }
                }
                s.flowItemList = bars.map { bar in
                    flowItem(code, net: netFlow(code, turnover: Double(bar.turnover), from: bar.previousClose, to: bar.close, salt: bar.start),
                             time: bar.time, timestamp: bar.timestamp)
                }
            default:
                return .failure("Unknown PeriodType \(period)")
            }
            if let last = s.flowItemList.last {
                s.lastValidTime = last.time
                s.lastValidTimestamp = last.timestamp
            }
            return .success(s)
        }
    }

    func getCapitalDistribution(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetCapitalDistribution_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetCapitalDistribution, at: now) { return .failure(problem) }
            guard let code = Wire.code(c2s.security), let live = market[code] else {
                return .failure("Unknown stock: market \(c2s.security.market) code \(c2s.security.code)")
            }
            let turnover = Double(live.turnover)
            let net = live.timeShare.isEmpty ? 0 : netFlow(code, turnover: turnover, from: live.previousClose, to: live.last, salt: -1)
            let inTotal = (turnover + net) / 2, outTotal = (turnover - net) / 2
            let shares = sizeShares(code)
            var s = QotGetCapitalDistribution_S2C()
            s.capitalInSuper = inTotal * shares[0]
            s.capitalInBig = inTotal * shares[1]
            s.capitalInMid = inTotal * shares[2]
            s.capitalInSmall = inTotal * shares[3]
            s.capitalOutSuper = outTotal * shares[0]
            s.capitalOutBig = outTotal * shares[1]
            s.capitalOutMid = outTotal * shares[2]
            s.capitalOutSmall = outTotal * shares[3]
            s.updateTime = live.updateTime
            s.updateTimestamp = live.updateTimestamp
            return .success(s)
        }
    }
}
