import Foundation
import TerminalUI
import TradingKit

/// Runs the reducer's effects against a `Gateway`, off the UI thread, and posts the answers back
/// to the mailbox as events. Effects start in the order the reducer asked for them.
public final class EffectRunner: Sendable {
    public let gateway: Gateway
    private let post: @Sendable (AppEvent) -> Void
    private let saveWatchlist: @Sendable ([SecurityCode]) -> Void
    private let log: @Sendable (String) -> Void
    private let queue: AsyncStream<Effect>.Continuation
    private let account = AccountBox()

    /// A runner posting answers with `post`; `saveWatchlist` persists the watchlist, `log` writes
    /// to the log file (never the screen).
    public init(
        gateway: Gateway, post: @escaping @Sendable (AppEvent) -> Void,
        saveWatchlist: @escaping @Sendable ([SecurityCode]) -> Void,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.gateway = gateway
        self.post = post
        self.saveWatchlist = saveWatchlist
        self.log = log
        let (stream, continuation) = AsyncStream<Effect>.makeStream()
        queue = continuation
        let work = Worker(gateway: gateway, post: post, persist: saveWatchlist, log: log, account: account)
        let coalescer = EffectCoalescer()
        Task.detached {
            for await effect in stream {
                if case .saveWatchlist(let codes) = effect {
                    work.save(codes)  // in order, so the last write wins
                } else if let key = EffectCoalescer.key(of: effect) {
                    guard coalescer.offer(effect, key: key) else { continue }
                    Task {
                        var next: Effect? = effect
                        while let e = next {
                            await work.run(e)
                            next = coalescer.next(after: key)
                        }
                    }
                } else {
                    Task { await work.run(effect) }
                }
            }
        }
    }

    /// Queues effects (from the UI thread).
    public func perform(_ effects: [Effect]) {
        for e in effects where e != .redrawAll && e != .ringBell { queue.yield(e) }
    }

    /// Forwards the gateway's pushes as events stamped with `now()` until the stream ends.
    public func pumpEvents(now: @escaping @Sendable () -> Double) -> Task<Void, Never> {
        let gateway = self.gateway, post = self.post
        return Task.detached {
            for await event in gateway.events() { post(.gateway(event, at: now())) }
        }
    }

    /// Stops taking effects.
    public func finish() { queue.finish() }

    /// `request` with a remark that tags it uniquely (unless it has one): an order list read after
    /// a lost answer finds the order by it.
    static func tagged(_ request: OrderRequest) -> OrderRequest {
        guard request.remark.isEmpty else { return request }
        var r = request
        var g = SystemRandomNumberGenerator()
        r.remark = "mootui-" + String(g.next() & 0xFFFF_FFFF_FFFF, radix: 16)
        return r
    }
}

/// The gateway's accounts of the environment, read once (the reducer picks one per code).
final class AccountBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [Account]?
    var accounts: [Account]? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}

/// Does one effect.
struct Worker: Sendable {
    let gateway: Gateway
    let post: @Sendable (AppEvent) -> Void
    let persist: @Sendable ([SecurityCode]) -> Void
    let log: @Sendable (String) -> Void
    let account: AccountBox

    func save(_ codes: [SecurityCode]) { persist(codes) }

    func run(_ effect: Effect) async {
        do {
            switch effect {
            case .subscribe(let codes, let types):
                try await gateway.subscribe(codes, types)
                post(.response(.limits(try? await gateway.quota(), nil)))
            case .unsubscribe(let codes, let types):
                do { try await gateway.unsubscribe(codes, types) } catch {
                    // OpenD refuses within 60 s of subscribing; the slot frees on its own later.
                    log("unsubscribe \(codes): \(error)")
                }
            case .checkSecurity(let code):
                do {
                    let infos = try await gateway.securityInfo([code])
                    post(.response(.securityChecked(code, infos.first { $0.code == code })))
                } catch {
                    post(.response(.failed(what: "check \(code)", reason: oneLine(error))))
                }
            case .loadSecurityInfo(let codes):
                post(.response(.securityInfo(try await gateway.securityInfo(codes))))
            case .loadSnapshots(let codes):
                post(.response(.snapshots(try await gateway.snapshots(codes))))
            case .watchDetail(let code):
                try await gateway.subscribe([code], [.orderBook, .ticker, .kline(.oneMinute)])
                post(.response(.limits(try? await gateway.quota(), nil)))
                if let states = try? await gateway.marketStates([code]) { post(.response(.marketStates(states))) }
                async let book = gateway.orderBook(code)
                async let ticks = gateway.ticks(code, AppReducer.initialTicks)
                async let bars = gateway.bars(code, .oneMinute, AppReducer.initialBars)
                post(.response(.orderBook(try await book)))
                post(.response(.ticks(code, try await ticks)))
                post(.response(.history(CandleSeries(code, .oneMinute), try await bars)))
            case .loadHistory(let series, let count):
                post(.response(.history(series, try await gateway.bars(series.code, series.period, count))))
            case .loadPortfolio:
                let accounts: [Account]
                if let known = account.accounts {
                    accounts = known
                } else {
                    accounts = try await gateway.accounts()
                    account.accounts = accounts
                }
                post(.response(.accounts(accounts)))
                guard !accounts.isEmpty else { return }
                // every account of the environment (one per trade market): positions and orders merged
                var positions: [Position] = [], orders: [Order] = [], funds: [(UInt64, Funds)] = []
                try await withThrowingTaskGroup(of: (UInt64, Funds, [Position], [Order]).self) { group in
                    for acc in accounts {
                        group.addTask {
                            async let f = gateway.funds(acc)
                            async let p = gateway.positions(acc)
                            async let o = gateway.orders(acc)
                            return (acc.id, try await f, try await p, try await o)
                        }
                    }
                    for try await (id, f, p, o) in group {
                        funds.append((id, f)); positions += p; orders += o
                    }
                }
                let rank = Dictionary(uniqueKeysWithValues: accounts.enumerated().map { ($1.id, $0) })
                funds.sort { rank[$0.0, default: 0] < rank[$1.0, default: 0] }
                post(.response(.positions(positions.sorted { $0.code.description < $1.code.description })))
                post(.response(.orders(orders)))
                for (id, f) in funds { post(.response(.accountFunds(id, f))) }
                post(.response(.limits(try? await gateway.quota(), gateway.orderBudget(accounts.first))))
            case .refreshLimits:
                // the budget is local bookkeeping; the quota is a request, asked for after subscribing
                post(.response(.limits(nil, gateway.orderBudget(account.accounts?.first))))
            case .refreshQuota:
                post(.response(.limits(try await gateway.quota(), nil)))
            case .refreshHealth:
                post(.response(.health(gateway.health(account.accounts?.first))))
            case .cancelOrder(let id, let acc):
                try await gateway.cancelOrder(acc, id)
                post(.response(.orderCancelled(id)))
            case .placeOrder(let request, let acc):
                let request = EffectRunner.tagged(request)
                do {
                    let id = try await gateway.placeOrder(acc, request)
                    post(.response(.ticket(.placed(id))))
                } catch let unknown as OrderOutcomeUnknown {
                    log("place \(request.side) \(request.quantity) \(request.code) [\(request.remark)]: \(unknown)")
                    post(.response(.ticket(.outcomeUnknown(request))))
                } catch {
                    log("place \(request.side) \(request.quantity) \(request.code) via \(acc.id): \(error)")
                    post(.response(.ticket(.rejected(oneLine(error)))))
                }
            case .modifyOrder(let id, let acc, let price, let quantity):
                do {
                    try await gateway.modifyOrder(acc, id, price, quantity)
                    post(.response(.ticket(.placed(id))))
                } catch {
                    log("modify \(id): \(error)")
                    post(.response(.ticket(.rejected(oneLine(error)))))
                }
            case .unlockTrade(let password):
                do {
                    try await gateway.unlockTrade(password)
                    post(.response(.ticket(.unlocked(error: nil))))
                } catch {
                    log("unlock: \(oneLine(error))")  // never the MD5
                    post(.response(.ticket(.unlocked(error: oneLine(error)))))
                }
            case .fetchMaxQuantities(let code, let price, let type, let acc):
                do {
                    let max = try await gateway.maxQuantities(acc, code, price, type)
                    post(.response(.ticket(.maxQuantities(code, max))))
                } catch {
                    log("max quantities \(code): \(error)")
                }
            case .fetchOrderFees(let filled, let acc):
                do {
                    let reports = try await gateway.orderFees(acc, filled.keys.sorted())
                    post(.response(.orderFees(reports, filled: filled)))
                } catch {
                    log("order fees: \(error)")  // the orders pane keeps showing the estimate
                }
            case .saveWatchlist(let codes):
                persist(codes)
            case .redrawAll, .ringBell:
                break  // the program does these on the UI thread
            case .recording(let command):
                if let control = gateway.recording {
                    post(.response(.recordingStatus(control(command))))
                } else if command == .toggle {
                    post(.response(.failed(what: "recording", reason: "not available on this gateway")))
                }
            case .replay(let command):
                if let status = gateway.replayControl?(command) { post(.response(.replayStatus(status))) }
            case .loadAlerts:
                do {
                    post(.response(.alerts(try await gateway.priceAlerts())))
                } catch {
                    log("alerts: \(error)")  // a gateway without reminders: the pane stays empty
                }
            case .addAlert(let alert):
                _ = try await gateway.addPriceAlert(alert)
                post(.response(.alerts(try await gateway.priceAlerts())))
                post(.response(.notice("alert set: \(alert.code) \(alert.condition)")))
            case .deleteAlert(let alert):
                try await gateway.deletePriceAlert(alert.code, alert.key)
                post(.response(.alerts(try await gateway.priceAlerts())))
                post(.response(.notice("alert deleted: \(alert.code) \(alert.condition)")))
            case .loadGroups:
                post(.response(.groups(try await gateway.securityGroups())))
            case .loadGroup(let name):
                post(.response(.groupSecurities(name, try await gateway.groupSecurities(name))))
            case .editGroup(let name, let add, let codes):
                try await gateway.modifyGroup(name, add, codes)
                post(.response(.notice("\(add ? "added" : "removed") \(codes.map(\.description).joined(separator: ", ")) "
                                       + "\(add ? "to" : "from") \(name) on the gateway")))
            }
        } catch {
            log("\(describe(effect)): \(error)")
            post(.response(.failed(what: describe(effect), reason: oneLine(error))))
        }
    }

    func describe(_ effect: Effect) -> String {
        switch effect {
        case .subscribe: return "subscribe"
        case .unsubscribe: return "unsubscribe"
        case .checkSecurity(let c): return "check \(c)"
        case .loadSecurityInfo: return "security info"
        case .loadSnapshots: return "snapshots"
        case .watchDetail(let c): return "detail \(c)"
        case .loadHistory(let s, _): return "\(s.period.rawValue) history \(s.code)"
        case .loadPortfolio: return "portfolio"
        case .refreshLimits: return "limits"
        case .refreshQuota: return "quota"
        case .refreshHealth: return "health"
        case .cancelOrder(let id, _): return "cancel \(id)"
        case .placeOrder(let r, _): return "place \(r.side) \(r.quantity) \(r.code)"
        case .modifyOrder(let id, _, _, _): return "modify \(id)"
        case .unlockTrade: return "unlock"
        case .fetchMaxQuantities(let c, _, _, _): return "max quantities \(c)"
        case .fetchOrderFees(let f, _): return "fees of \(f.count) orders"
        case .saveWatchlist: return "save watchlist"
        case .redrawAll: return "redraw"
        case .ringBell: return "bell"
        case .replay(let c): return "replay \(c)"
        case .recording(let c): return "recording \(c)"
        case .loadAlerts: return "alerts"
        case .addAlert(let a): return "set alert \(a.code)"
        case .deleteAlert(let a): return "delete alert \(a.code)"
        case .loadGroups: return "watchlist groups"
        case .loadGroup(let n): return "group \(n)"
        case .editGroup(let n, let add, _): return "\(add ? "add to" : "remove from") \(n)"
        }
    }

    func oneLine(_ error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "error"
    }
}
