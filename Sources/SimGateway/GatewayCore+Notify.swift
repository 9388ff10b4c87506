import Foundation
import OpenDProtocol

/// Notify (1003) pushes for connections that asked for them with `recvNotify`: the link status
/// and quotas right after InitConnect, and the used quota whenever subscriptions change.
extension GatewayCore {
    private func notify(_ conn: UInt64, _ s2c: Notify_S2C) -> [Outgoing] {
        guard connections[conn]?.recvNotify == true else { return [] }
        let frame = makeFrame(protoID: ProtoID.notify.rawValue, serial: nextPushSerial(conn), Notify_Response.success(s2c))
        return [Outgoing(connection: conn, frame: frame)]
    }

    /// ConnStatus (3) and APIQuota (6), sent after a successful InitConnect.
    func welcomeNotifications(_ conn: UInt64) -> [Outgoing] {
        var status = Notify_S2C()
        status.type = 3
        var link = Notify_ConnectStatus()
        link.qotLogined = true
        link.trdLogined = true
        status.connectStatus = link
        var quota = Notify_S2C()
        quota.type = 6
        var q = Notify_APIQuota()
        q.subQuota = Int32(configuration.quota)
        q.historyKlquota = Int32(configuration.quota)
        quota.apiQuota = q
        return notify(conn, status) + notify(conn, quota)
    }

    /// UsedQuota (7), sent after subscriptions change.
    func usedQuotaNotification(_ conn: UInt64) -> [Outgoing] {
        var s = Notify_S2C()
        s.type = 7
        var used = Notify_UsedQuota()
        used.usedSubQuota = Int32(subscriptions.count)
        used.usedKlineQuota = Int32(historyQuota.count)
        s.usedQuota = used
        return notify(conn, s)
    }
}
