import Logging
import OpenDProtocol

extension OpenDConnection {
    /// OpenD refuses to cancel a subscription younger than this.
    static let minimumSubscriptionAge: Duration = .seconds(60)
    /// Largest number of (security, sub type) pairs sent in one Qot_Sub.
    static let subscriptionBatchSize = 100

    /// Subscribes (and registers for pushes) each security × sub type; kept for replay after reconnect.
    /// Throws `.quotaExceeded` before sending when the known quota cannot hold the new pairs.
    public func subscribe(_ securities: [QotCommon_Security], subTypes: [Int32], registerPush: Bool = true) async throws
    {
        guard !securities.isEmpty, !subTypes.isEmpty else { return }
        let types = Self.unique(subTypes)
        let wanted = Self.unique(securities)
        // Learn the quota once so the check below can refuse early instead of letting OpenD fail half a batch.
        if core.withLockedValue({ $0.quota.total == 0 }) { await refreshQuotaQuietly() }
        try core.withLockedValue { core in
            let fresh = wanted.reduce(0) { count, security in
                count + types.filter { core.subscriptions[Self.key(security, $0)] == nil }.count
            }
            let (used, total) = core.quota
            if total > 0, fresh > 0, used + fresh > total {
                throw OpenDClientError.quotaExceeded(used: used, needed: fresh, total: total)
            }
        }
        let perBatch = max(1, Self.subscriptionBatchSize / types.count)
        for start in stride(from: 0, to: wanted.count, by: perBatch) {
            let batch = Array(wanted[start..<min(start + perBatch, wanted.count)])
            _ = try await request(Self.subscription(batch, types, subscribe: true, registerPush: registerPush))
            let now = clock.now()
            core.withLockedValue { core in
                for security in batch {
                    for type in types {
                        let key = Self.key(security, type)
                        let since = core.subscriptions[key]?.since ?? now
                        core.subscriptions[key] = ConnectionCore.Subscription(
                            security: security, subType: type, registerPush: registerPush, since: since)
                    }
                }
            }
        }
        await refreshQuotaQuietly()
    }

    /// Unsubscribes; throws `.unsubscribeTooEarly` (sending nothing) within 60 s of subscribing.
    public func unsubscribe(_ securities: [QotCommon_Security], subTypes: [Int32]) async throws {
        guard !securities.isEmpty, !subTypes.isEmpty else { return }
        let types = Self.unique(subTypes)
        let wanted = Self.unique(securities)
        let now = clock.now()
        try core.withLockedValue { core in
            var youngest: Duration?
            for security in wanted {
                for type in types {
                    guard let held = core.subscriptions[Self.key(security, type)] else { continue }
                    youngest = max(youngest ?? held.since, held.since)
                }
            }
            if let youngest, now - youngest < Self.minimumSubscriptionAge {
                let left = Self.minimumSubscriptionAge - (now - youngest)
                let seconds = Int(
                    (Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18).rounded(.up))
                throw OpenDClientError.unsubscribeTooEarly(secondsLeft: max(seconds, 1))
            }
        }
        let perBatch = max(1, Self.subscriptionBatchSize / types.count)
        for start in stride(from: 0, to: wanted.count, by: perBatch) {
            let batch = Array(wanted[start..<min(start + perBatch, wanted.count)])
            _ = try await request(Self.subscription(batch, types, subscribe: false, registerPush: false))
            core.withLockedValue { core in
                for security in batch {
                    for type in types { core.subscriptions.removeValue(forKey: Self.key(security, type)) }
                }
            }
        }
        await refreshQuotaQuietly()
    }

    /// Subscription quota (used, total) from the latest Qot_GetSubInfo; (0, 0) until first known.
    public var quota: (used: Int, total: Int) { core.withLockedValue { $0.quota } }

    /// Number of (security, sub type) pairs held and replayed after a reconnect.
    public var subscriptionCount: Int { core.withLockedValue { $0.subscriptions.count } }

    /// Asks OpenD for the quota now (Qot_GetSubInfo) and remembers it.
    @discardableResult
    public func refreshQuota() async throws -> (used: Int, total: Int) {
        let s2c = try await request(QotGetSubInfo_Request(c2s: QotGetSubInfo_C2S()))
        let used = Int(s2c.totalUsedQuota)
        let quota = (used: used, total: used + Int(s2c.remainQuota))
        core.withLockedValue { $0.quota = quota }
        return quota
    }

    /// Asks for order and fill pushes of these accounts (replacing the previous list); replayed after reconnect.
    public func setTradePushAccounts(_ accIDs: [UInt64]) async throws {
        var c2s = TrdSubAccPush_C2S()
        c2s.accIdlist = accIDs
        _ = try await request(TrdSubAccPush_Request(c2s: c2s))
        core.withLockedValue { $0.tradePushAccounts = accIDs }
    }

    /// Unlocks trading with the password's MD5, which is kept (never the password) to unlock again after reconnect.
    public func unlockTrade(passwordMD5: String, securityFirm: Int32?) async throws {
        let md5 = passwordMD5.lowercased()
        guard md5.count == 32, md5.allSatisfy({ $0.isHexDigit }) else {
            throw OpenDClientError.protocolViolation("the trade password digest must be 32 hex characters (MD5)")
        }
        _ = try await request(Self.unlockRequest(md5: md5, securityFirm: securityFirm))
        core.withLockedValue { $0.unlock = (md5, securityFirm) }
    }

    /// After a reconnect: subscribe everything again, unlock again, re-send the trade push list.
    func replayAfterReconnect() async {
        let (held, unlock, accounts) = core.withLockedValue { core in
            (Array(core.subscriptions.values), core.unlock, core.tradePushAccounts)
        }
        var replayed = 0
        // One Qot_Sub per sub type (and push choice) and batch, like the official SDK.
        let groups = Dictionary(grouping: held) { GroupKey(subType: $0.subType, registerPush: $0.registerPush) }
        for group in groups.keys.sorted(by: {
            ($0.subType, $0.registerPush ? 1 : 0) < ($1.subType, $1.registerPush ? 1 : 0)
        }) {
            let securities = groups[group]!.sorted {
                ($0.security.market, $0.security.code) < ($1.security.market, $1.security.code)
            }
            .map(\.security)
            for start in stride(from: 0, to: securities.count, by: Self.subscriptionBatchSize) {
                let batch = Array(securities[start..<min(start + Self.subscriptionBatchSize, securities.count)])
                do {
                    _ = try await request(
                        Self.subscription(batch, [group.subType], subscribe: true, registerPush: group.registerPush))
                    let now = clock.now()
                    core.withLockedValue { core in
                        for security in batch { core.subscriptions[Self.key(security, group.subType)]?.since = now }
                    }
                    replayed += batch.count
                } catch {
                    logger.error("re-subscribe failed", metadata: ["subType": "\(group.subType)", "error": "\(error)"])
                    if Self.isLinkFailure(error) { return }
                }
            }
        }
        if let unlock {
            do {
                _ = try await request(Self.unlockRequest(md5: unlock.passwordMD5, securityFirm: unlock.securityFirm))
            } catch {
                logger.error("re-unlock failed", metadata: ["error": "\(error)"])
                if Self.isLinkFailure(error) { return }
            }
        }
        if let accounts {
            var c2s = TrdSubAccPush_C2S()
            c2s.accIdlist = accounts
            do {
                _ = try await request(TrdSubAccPush_Request(c2s: c2s))
            } catch {
                logger.error("re-subscribing trade pushes failed", metadata: ["error": "\(error)"])
                if Self.isLinkFailure(error) { return }
            }
        }
        if !held.isEmpty { await refreshQuotaQuietly() }
        core.withLockedValue { core in
            if core.ready, !core.isShutdown { setState(.resubscribed(subscriptions: replayed), in: &core) }
        }
    }

    private struct GroupKey: Hashable {
        var subType: Int32
        var registerPush: Bool
    }

    private func refreshQuotaQuietly() async {
        do {
            try await refreshQuota()
        } catch {
            logger.notice("could not refresh the subscription quota", metadata: ["error": "\(error)"])
        }
    }

    private static func isLinkFailure(_ error: any Error) -> Bool {
        switch error as? OpenDClientError {
        case .disconnected, .closed, .timeout: return true
        default: return false
        }
    }

    private static func subscription(
        _ securities: [QotCommon_Security], _ subTypes: [Int32], subscribe: Bool, registerPush: Bool
    ) -> QotSub_Request {
        var c2s = QotSub_C2S()
        c2s.securityList = securities
        c2s.subTypeList = subTypes
        c2s.isSubOrUnSub = subscribe
        c2s.isRegOrUnRegPush = registerPush
        if subscribe { c2s.isFirstPush = true }
        return QotSub_Request(c2s: c2s)
    }

    private static func unlockRequest(md5: String, securityFirm: Int32?) -> TrdUnlockTrade_Request {
        var c2s = TrdUnlockTrade_C2S()
        c2s.unlock = true
        c2s.pwdMd5 = md5
        if let securityFirm { c2s.securityFirm = securityFirm }
        return TrdUnlockTrade_Request(c2s: c2s)
    }

    private static func key(_ security: QotCommon_Security, _ subType: Int32) -> ConnectionCore.SubscriptionKey {
        ConnectionCore.SubscriptionKey(market: security.market, code: security.code, subType: subType)
    }

    private static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}
