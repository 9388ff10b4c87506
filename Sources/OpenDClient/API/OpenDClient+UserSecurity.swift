import OpenDProtocol
import TradingKit

extension OpenDClient {
    /// The user's watchlist groups (3222): custom ones first, then the system ones, as OpenD lists them.
    public func securityGroups() async throws -> [SecurityGroup] {
        var c = QotGetUserSecurityGroup_C2S()
        c.groupType = 3  // all
        let s2c = try await connection.request(QotGetUserSecurityGroup_Request(c2s: c))
        return s2c.groupList.map { SecurityGroup(name: $0.groupName, isSystem: $0.groupType == 2) }
    }

    /// The securities of group `name` (3213); codes of markets mootui does not trade are left out.
    public func groupSecurities(_ name: String) async throws -> [SecurityInfo] {
        var c = QotGetUserSecurity_C2S()
        c.groupName = name
        let s2c = try await connection.request(QotGetUserSecurity_Request(c2s: c))
        return s2c.staticInfoList.compactMap { try? SecurityInfo(wire: $0) }
    }

    /// Adds codes to, or deletes them from, the custom group `name` (3214, op Add / Del).
    public func modifyGroup(_ name: String, adding codes: [SecurityCode]) async throws {
        try await modifyGroup(name, op: 1, codes)
    }

    /// Deletes codes from the custom group `name` (3214, op Del).
    public func modifyGroup(_ name: String, removing codes: [SecurityCode]) async throws {
        try await modifyGroup(name, op: 2, codes)
    }

    private func modifyGroup(_ name: String, op: Int32, _ codes: [SecurityCode]) async throws {
        var c = QotModifyUserSecurity_C2S()
        c.groupName = name
        c.op = op
        c.securityList = codes.map(\.wireSecurity)
        _ = try await connection.request(QotModifyUserSecurity_Request(c2s: c))
    }
}
