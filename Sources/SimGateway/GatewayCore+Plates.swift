import Foundation
import OpenDProtocol
import TradingKit

/// Plates: Qot_GetPlateSet (3204), Qot_GetPlateSecurity (3205), Qot_GetOwnerPlate (3207).
extension GatewayCore {
    private func plateInfo(_ p: Plate) -> QotCommon_PlateInfo {
        var info = QotCommon_PlateInfo()
        info.plate = Wire.security(p.security)
        info.name = p.name
        info.plateType = p.type
        return info
    }

    func getPlateSet(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetPlateSet_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetPlateSet, at: now) { return .failure(problem) }
            guard let m = Market(qotMarket: c2s.market) else { return .failure("Unsupported market \(c2s.market)") }
            guard (0...4).contains(c2s.plateSetType) else { return .failure("Unknown PlateSetType \(c2s.plateSetType)") }
            var s = QotGetPlateSet_S2C()
            s.plateInfoList = Plates.all(market.instruments)
                .filter { $0.market == Plates.homeMarket(m) && (c2s.plateSetType == 0 || $0.type == c2s.plateSetType) }
                .map(plateInfo)
            return .success(s)
        }
    }

    func getPlateSecurity(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetPlateSecurity_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetPlateSecurity, at: now) { return .failure(problem) }
            guard let plate = Plates.plate(c2s.plate.code, in: self),
                  Market(qotMarket: c2s.plate.market).map({ Plates.homeMarket($0) == plate.market }) ?? false else {
                return .failure("Unknown plate: market \(c2s.plate.market) code \(c2s.plate.code)")
            }
            var members = plate.members.compactMap { market[$0] }
            let ascending = !c2s.hasAscend || c2s.ascend
            switch c2s.hasSortField ? c2s.sortField : 1 {
            case 2: members.sort { ascending ? $0.last < $1.last : $0.last > $1.last }
            case 4:
                let rate = { (m: InstrumentMarket) in (m.last - m.previousClose).micros * Price.scale / max(m.previousClose.micros, 1) }
                members.sort { ascending ? rate($0) < rate($1) : rate($0) > rate($1) }
            default: members.sort { ascending ? $0.instrument.code < $1.instrument.code : $0.instrument.code > $1.instrument.code }
            }
            var s = QotGetPlateSecurity_S2C()
            s.staticInfoList = members.map { m in
                Wire.staticInfo(m.instrument, id: Int64(market.codes.firstIndex(of: m.instrument.code)! + 1))
            }
            return .success(s)
        }
    }

    func getOwnerPlate(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetOwnerPlate_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetOwnerPlate, at: now) { return .failure(problem) }
            guard c2s.securityList.count <= 200 else { return .failure("At most 200 securities per owner-plate request") }
            switch resolve(c2s.securityList) {
            case let .failure(f): return .failure(f.message)
            case let .success(codes):
                let plates = Plates.all(market.instruments)
                var s = QotGetOwnerPlate_S2C()
                s.ownerPlateList = codes.map { code in
                    var o = QotGetOwnerPlate_SecurityOwnerPlate()
                    o.security = Wire.security(code)
                    o.name = market[code]!.instrument.name
                    o.plateInfoList = plates.filter { $0.members.contains(code) }.map(plateInfo)
                    return o
                }
                return .success(s)
            }
        }
    }
}
