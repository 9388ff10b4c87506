import Foundation
import OpenDProtocol
import TradingKit

/// The user's watchlists: Qot_GetUserSecurityGroup (3222), Qot_GetUserSecurity (3213) and
/// Qot_ModifyUserSecurity (3214). System groups show the custom groups' codes by market and
/// cannot be modified; an Add to a custom group that does not exist yet creates it (OpenD's
/// users create groups in the app, which the simulator does not have).
extension GatewayCore {
    func getUserSecurityGroup(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetUserSecurityGroup_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetUserSecurityGroup, at: now) { return .failure(problem) }
            guard (1...3).contains(c2s.groupType) else { return .failure("Unknown GroupType \(c2s.groupType)") }
            var s = QotGetUserSecurityGroup_S2C()
            if c2s.groupType != 1 {
                for g in UserData.systemGroups {
                    var d = QotGetUserSecurityGroup_GroupData()
                    d.groupName = g.name
                    d.groupType = 2
                    s.groupList.append(d)
                }
            }
            if c2s.groupType != 2 {
                for g in userData.groups {
                    var d = QotGetUserSecurityGroup_GroupData()
                    d.groupName = g.name
                    d.groupType = 1
                    s.groupList.append(d)
                }
            }
            return .success(s)
        }
    }

    func getUserSecurity(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotGetUserSecurity_Request.self) { c2s in
            if let problem = limiter.admit(.qotGetUserSecurity, at: now) { return .failure(problem) }
            if UserData.unlistable.contains(c2s.groupName) {
                return .failure("The \(c2s.groupName) group cannot be queried (positions, mutual fund and forex groups are not supported)")
            }
            let codes: [SecurityCode]
            if let system = UserData.systemGroups.first(where: { $0.name == c2s.groupName }) {
                var seen = Set<SecurityCode>()
                codes = userData.groups.flatMap(\.codes).filter { code in
                    (system.markets?.contains(code.market) ?? true) && seen.insert(code).inserted
                }
            } else if let group = userData.groups.first(where: { $0.name == c2s.groupName }) {
                codes = group.codes
            } else {
                return .failure("Unknown watchlist group \"\(c2s.groupName)\"")
            }
            var s = QotGetUserSecurity_S2C()
            s.staticInfoList = codes.compactMap { code in
                guard let index = market.codes.firstIndex(of: code) else { return nil }
                return Wire.staticInfo(market.instruments[index], id: Int64(index + 1))
            }
            return .success(s)
        }
    }

    func modifyUserSecurity(_ frame: Frame, _ conn: UInt64, _ now: Date) -> [Outgoing] {
        answer(frame, conn, QotModifyUserSecurity_Request.self) { c2s in
            if let problem = limiter.admit(.qotModifyUserSecurity, at: now) { return .failure(problem) }
            let name = c2s.groupName
            guard !name.isEmpty else { return .failure("groupName must not be empty") }
            if UserData.systemGroups.contains(where: { $0.name == name }) || UserData.unlistable.contains(name) {
                return .failure("System group \"\(name)\" cannot be modified: only custom groups can")
            }
            let codes: [SecurityCode]
            switch resolve(c2s.securityList) {
            case let .failure(f): return .failure(f.message)
            case let .success(c): codes = c
            }
            guard !codes.isEmpty else { return .failure("securityList must name at least one security") }
            var groups = userData.groups
            let index = groups.firstIndex { $0.name == name }
            switch c2s.op {
            case 1:
                let i = index ?? { groups.append(UserGroup(name: name, codes: [])); return groups.count - 1 }()
                for code in codes where !groups[i].codes.contains(code) { groups[i].codes.append(code) }
            case 2:
                guard index != nil else { return .failure("Unknown watchlist group \"\(name)\"") }
                for i in groups.indices { groups[i].codes.removeAll { codes.contains($0) } }
            case 3:
                guard let i = index else { return .failure("Unknown watchlist group \"\(name)\"") }
                groups[i].codes.removeAll { codes.contains($0) }
            default:
                return .failure("Unknown ModifyUserSecurityOp \(c2s.op)")
            }
            do {
                try userData.setGroups(groups)
            } catch {
                return .failure("The simulated OpenD could not save the watchlist: \(error)")
            }
            return .success(QotModifyUserSecurity_S2C())
        }
    }
}
