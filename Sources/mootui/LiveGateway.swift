import MooApp
import OpenDClient
import OpenDProtocol
import TradingKit

extension Gateway {
    /// The live gateway: MooApp's closures over a started `OpenDClient`, trading in `environment`.
    static func live(_ client: OpenDClient, address: String, environment: TradingEnvironment) -> Gateway {
        var gateway = Gateway(
            address: address,
            events: {
                // Mapped where the app consumes them: no relay task, so no extra task hop per push.
                let source = GatewayEventSource(client.events.makeAsyncIterator())
                return AsyncStream(unfolding: { await source.next() })
            },
            subscribe: { codes, types in try await client.subscribe(codes, types) },
            unsubscribe: { codes, types in try await client.unsubscribe(codes, types) },
            securityInfo: { codes in
                do {
                    return try await client.securityInfo(codes)
                } catch ClientError.unknownSecurity {
                    return []  // the reducer says "unknown code"
                }
            },
            snapshots: { codes in try await client.snapshots(codes) },
            orderBook: { code in try await client.orderBook(code, depth: 10) },
            ticks: { code, count in try await client.ticks(code, count: count) },
            bars: { code, period, count in
                try await client.subscribe([code], [.kline(period)])
                return try await client.bars(code, period: period, count: count)
            },
            marketStates: { codes in try await client.marketStates(codes) },
            accounts: {
                let all = try await client.accounts().filter { $0.environment == environment }
                if !all.isEmpty { try await client.subscribeTradePushes(all) }
                return all
            },
            funds: { account in try await client.funds(account) },
            positions: { account in try await client.positions(account) },
            orders: { account in try await client.orders(account) },
            cancelOrder: { account, id in try await client.cancelOrder(account, orderID: id) },
            quota: {
                let info = try await client.subscriptionInfo()
                return Quota(used: info.used, total: info.used + info.remaining)
            },
            orderBudget: { account in
                let budget = client.connection.rateBudget(for: .trdPlaceOrder, accountID: account?.id)
                let wait = budget.nextSlotIn.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
                return OrderBudget(used: budget.used, limit: budget.limit, nextSlotSeconds: wait)
            },
            placeOrder: { account, request in
                do {
                    return try await client.placeOrder(account, request)
                } catch let error as OpenDClientError {
                    // Sent (or maybe sent) without an answer: the order list must tell, not a resend.
                    switch error {
                    case .disconnected, .timeout: throw OrderOutcomeUnknown(tag: request.remark, reason: error.description)
                    default: throw error
                    }
                }
            },
            modifyOrder: { account, id, price, quantity in
                guard let price else { throw GatewayUnavailable("modifying market orders") }
                try await client.modifyOrder(account, orderID: id, price: price, quantity: quantity)
            },
            unlockTrade: { password in try await client.unlockTrade(password) },
            maxQuantities: { account, code, price, type in
                try await client.maxQuantities(account, code: code, price: price, type: type)
            },
            orderFees: { account, ids in try await client.orderFees(account, orderIDs: ids) },
            pushFeed: PushFeed(
                onWaiting: { wake in client.conflatePushes(wake: wake) },
                take: { client.takePushes().compactMap(GatewayEvent.init) }))
        gateway.priceAlerts = { try await client.priceAlerts() }
        gateway.addPriceAlert = { alert in try await client.addPriceAlert(alert) }
        gateway.deletePriceAlert = { code, key in try await client.deletePriceAlert(code, key: key) }
        gateway.securityGroups = { try await client.securityGroups() }
        gateway.groupSecurities = { name in try await client.groupSecurities(name) }
        gateway.modifyGroup = { name, add, codes in
            if add { try await client.modifyGroup(name, adding: codes) } else { try await client.modifyGroup(name, removing: codes) }
        }
        gateway.health = { account in GatewayHealth(client.connection.health(accountID: account?.id)) }
        return gateway
    }
}

extension GatewayEvent {
    /// The app's view of a client event.
    init?(_ event: ClientEvent) {
        switch event {
        case .connection(let state):
            switch state {
            case .idle: self = .connection(.connecting(attempt: 1))
            case .connecting(let attempt): self = .connection(.connecting(attempt: attempt))
            case .connected: self = .connection(.live)
            case .resubscribed: self = .subscriptionsRestored
            case .disconnected(let reason): self = .connection(.disconnected(reason: reason))
            case .reconnecting(let attempt, let delay):
                let c = delay.components
                self = .connection(
                    .reconnecting(
                        attempt: attempt,
                        delaySeconds: Double(c.seconds) + Double(c.attoseconds) / 1e18))
            case .closed: self = .connection(.closed)
            }
        case .quote(let q): self = .quote(q)
        case .orderBook(let b): self = .orderBook(b)
        case .ticks(let code, let ticks): self = .ticks(code, ticks)
        case .ticksDropped(let code, let count): self = .ticksDropped(code, count)
        case .bars(let code, let period, let bars): self = .bars(code, period, bars)
        case .order(let o): self = .order(o)
        case .fill(let f): self = .fill(f)
        case .priceAlert(let t): self = .priceAlert(t)
        case .notice(let text):
            // Routine bookkeeping (quota counts, "backend up") is already on the status bar or
            // needs no attention; only news reaches the message line.
            let routine = text.hasPrefix("OpenD quota") || text == "OpenD backend: quotes up, trading up"
            guard !routine else { return nil }
            self = .notice(text)
        }
    }
}

/// Pulls client events and maps them to the app's; driven only by the single consumer of the
/// stream it feeds, hence the unchecked Sendable.
private final class GatewayEventSource: @unchecked Sendable {
    private var upstream: AsyncStream<ClientEvent>.Iterator

    init(_ upstream: AsyncStream<ClientEvent>.Iterator) { self.upstream = upstream }

    func next() async -> GatewayEvent? {
        while let event = await upstream.next() {
            if let mapped = GatewayEvent(event) { return mapped }
        }
        return nil
    }
}
