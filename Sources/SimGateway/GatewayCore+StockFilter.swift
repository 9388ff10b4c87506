import Foundation
import OpenDProtocol
import TradingKit

/// Qot_StockFilter (3215): simple, accumulate and financial filters over the listed stocks of a
/// market (or one plate), one sort, pages of at most 200.
extension GatewayCore {
    private struct Criterion {
        enum Kind { case simple, accumulate(days: Int32), financial(quarter: Int32) }
        let kind: Kind
        let field: Int32
        let min: Double?
        let max: Double?
        let filters: Bool
        let sortDir: Int32
    }

    func stockFilter(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotStockFilter_Request.self) { c2s in
            if let problem = limiter.admit(.qotStockFilter, at: now) { return .failure(problem) }
            guard c2s.begin >= 0 else { return .failure("begin must be ≥ 0") }
            guard (0...200).contains(c2s.num) else { return .failure("num must be 0…200 (at most 200 stocks per page)") }
            guard c2s.patternFilterList.isEmpty && c2s.customIndicatorFilterList.isEmpty else {
                return .failure("Pattern and custom indicator filters are not supported by the simulated OpenD")
            }
            let markets: Set<Market>
            switch c2s.market {
            case Market.hk.qotMarket: markets = [.hk]
            case Market.us.qotMarket: markets = [.us]
            case Market.sh.qotMarket, Market.sz.qotMarket: markets = [.sh, .sz]
            default: return .failure("Unsupported market \(c2s.market) for the stock filter (HK, US, SH or SZ)")
            }
            var criteria: [Criterion] = []
            var seen = Set<String>()
            for f in c2s.baseFilterList {
                guard (1...21).contains(f.fieldName) else { return .failure("Unknown StockField \(f.fieldName)") }
                if (f.fieldName == 1 || f.fieldName == 2) && (f.hasFilterMin || f.hasFilterMax) {
                    return .failure("StockField \(f.fieldName) (code / name) takes no range")
                }
                criteria.append(Criterion(kind: .simple, field: f.fieldName, min: f.hasFilterMin ? f.filterMin : nil,
                                          max: f.hasFilterMax ? f.filterMax : nil,
                                          filters: f.hasIsNoFilter && !f.isNoFilter, sortDir: f.sortDir))
                guard seen.insert("s\(f.fieldName)").inserted else { return .failure("StockField \(f.fieldName) is given twice") }
            }
            for f in c2s.accumulateFilterList {
                guard (1...5).contains(f.fieldName) else { return .failure("Unknown AccumulateField \(f.fieldName)") }
                guard (1...252).contains(f.days) else { return .failure("days must be 1…252, got \(f.days)") }
                criteria.append(Criterion(kind: .accumulate(days: f.days), field: f.fieldName,
                                          min: f.hasFilterMin ? f.filterMin : nil, max: f.hasFilterMax ? f.filterMax : nil,
                                          filters: f.hasIsNoFilter && !f.isNoFilter, sortDir: f.sortDir))
            }
            for f in c2s.financialFilterList {
                guard Fundamentals.financialFields.contains(f.fieldName) else { return .failure("Unknown FinancialField \(f.fieldName)") }
                guard (1...5).contains(f.quarter) else { return .failure("Unknown FinancialQuarter \(f.quarter)") }
                criteria.append(Criterion(kind: .financial(quarter: f.quarter), field: f.fieldName,
                                          min: f.hasFilterMin ? f.filterMin : nil, max: f.hasFilterMax ? f.filterMax : nil,
                                          filters: f.hasIsNoFilter && !f.isNoFilter, sortDir: f.sortDir))
                guard seen.insert("f\(f.fieldName)").inserted else { return .failure("FinancialField \(f.fieldName) is given twice") }
            }
            let sorted = criteria.filter { $0.sortDir != 0 }
            guard sorted.count <= 1 else { return .failure("Only one filter may set a sort direction") }
            var members: Set<SecurityCode>?
            if c2s.hasPlate {
                guard let plate = Plates.plate(c2s.plate.code, in: self) else {
                    return .failure("Unknown plate \(c2s.plate.market).\(c2s.plate.code)")
                }
                members = Set(plate.members)
            }
            // Every candidate with its values, in universe order.
            var rows: [(instrument: Instrument, values: [Double?])] = []
            for instrument in market.instruments where instrument.kind == .stock && markets.contains(instrument.code.market) {
                if let members, !members.contains(instrument.code) { continue }
                let figures = InstrumentFigures(market[instrument.code]!, market: market)
                let values = criteria.map { c -> Double? in
                    switch c.kind {
                    case .simple: return figures.stockField(c.field)
                    case let .accumulate(days): return figures.accumulateField(c.field, days: Int(days))
                    case let .financial(quarter): return figures.facts.financial(c.field, quarter: quarter)
                    }
                }
                let keep = zip(criteria, values).allSatisfy { c, v in
                    guard c.filters, let v else { return true }
                    let kept = (v * 1000).rounded(.towardZero) / 1000
                    return (c.min.map { kept >= $0 } ?? true) && (c.max.map { kept <= $0 } ?? true)
                }
                if keep { rows.append((instrument, values)) }
            }
            if let sortBy = sorted.first, let index = criteria.firstIndex(where: { $0.sortDir != 0 }) {
                let ascending = sortBy.sortDir == 1
                var bySimpleField = false
                if case .simple = sortBy.kind { bySimpleField = true }
                rows.sort { a, b in
                    switch sortBy.field {
                    case 1 where bySimpleField:
                        return ascending ? a.instrument.code < b.instrument.code : b.instrument.code < a.instrument.code
                    case 2 where bySimpleField:
                        return ascending ? a.instrument.name < b.instrument.name : b.instrument.name < a.instrument.name
                    default:
                        let x = a.values[index] ?? 0, y = b.values[index] ?? 0
                        return x == y ? a.instrument.code < b.instrument.code : (ascending ? x < y : x > y)
                    }
                }
            }
            let page = rows.dropFirst(Int(c2s.begin)).prefix(Int(c2s.num))
            var s = QotStockFilter_S2C()
            s.allCount = Int32(rows.count)
            s.lastPage = Int(c2s.begin) + page.count >= rows.count
            s.dataList = page.map { row in
                var d = QotStockFilter_StockData()
                d.security = Wire.security(row.instrument.code)
                d.name = row.instrument.name
                for (c, v) in zip(criteria, row.values) {
                    guard let v else { continue }
                    switch c.kind {
                    case .simple:
                        var b = QotStockFilter_BaseData()
                        b.fieldName = c.field
                        b.value = v
                        d.baseDataList.append(b)
                    case let .accumulate(days):
                        var b = QotStockFilter_AccumulateData()
                        b.fieldName = c.field
                        b.value = v
                        b.days = days
                        d.accumulateDataList.append(b)
                    case let .financial(quarter):
                        var b = QotStockFilter_FinancialData()
                        b.fieldName = c.field
                        b.value = v
                        b.quarter = quarter
                        d.financialDataList.append(b)
                    }
                }
                return d
            }
            return .success(s)
        }
    }
}
