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
        Task.detached {
            for await effect in stream {
                if case .saveWatchlist(let codes) = effect {
                    work.save(codes)  // in order, so the last write wins
                } else {
                    Task { await work.run(effect) }
                }
            }
        }
    }

    /// Queues effects (from the UI thread).
    public func perform(_ effects: [Effect]) {
        for e in effects where e != .redrawAll { queue.yield(e) }
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

/// The account the portfolio and cancel effects use (the first that trades the watchlist's market).
final class AccountBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Account?
    var account: Account? {
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
                let acc: Account?
                if let known = account.account {
                    acc = known
                } else {
                    acc = try await gateway.accounts().first
                    account.account = acc
                }
                post(.response(.account(acc)))
                guard let acc else { return }
                async let funds = gateway.funds(acc)
                async let positions = gateway.positions(acc)
                async let orders = gateway.orders(acc)
                post(.response(.positions(try await positions)))
                post(.response(.orders(try await orders)))
                post(.response(.funds(try await funds)))
                post(.response(.limits(try? await gateway.quota(), gateway.orderBudget(acc))))
            case .refreshLimits:
                // the budget is local bookkeeping; the quota is a request, asked for after subscribing
                post(.response(.limits(nil, gateway.orderBudget(account.account))))
            case .refreshQuota:
                post(.response(.limits(try await gateway.quota(), nil)))
            case .refreshHealth:
                post(.response(.health(gateway.health(account.account))))
            case .cancelOrder(let id):
                guard let acc = account.account else {
                    post(.response(.failed(what: "cancel \(id)", reason: "no trading account")))
                    return
                }
                try await gateway.cancelOrder(acc, id)
                post(.response(.orderCancelled(id)))
            case .placeOrder(let request):
                guard let acc = account.account else {
                    post(.response(.ticket(.rejected("no trading account"))))
                    return
                }
                let request = EffectRunner.tagged(request)
                do {
                    let id = try await gateway.placeOrder(acc, request)
                    post(.response(.ticket(.placed(id))))
                } catch let unknown as OrderOutcomeUnknown {
                    log("place \(request.side) \(request.quantity) \(request.code) [\(request.remark)]: \(unknown)")
                    post(.response(.ticket(.outcomeUnknown(request))))
                } catch {
                    log("place \(request.side) \(request.quantity) \(request.code): \(error)")
                    post(.response(.ticket(.rejected(oneLine(error)))))
                }
            case .modifyOrder(let id, let price, let quantity):
                guard let acc = account.account else {
                    post(.response(.ticket(.rejected("no trading account"))))
                    return
                }
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
            case .fetchMaxQuantities(let code, let price, let type):
                guard let acc = account.account else { return }
                do {
                    let max = try await gateway.maxQuantities(acc, code, price, type)
                    post(.response(.ticket(.maxQuantities(code, max))))
                } catch {
                    log("max quantities \(code): \(error)")
                }
            case .fetchOrderFees(let filled):
                guard let acc = account.account else { return }
                do {
                    let reports = try await gateway.orderFees(acc, filled.keys.sorted())
                    post(.response(.orderFees(reports, filled: filled)))
                } catch {
                    log("order fees: \(error)")  // the orders pane keeps showing the estimate
                }
            case .saveWatchlist(let codes):
                persist(codes)
            case .redrawAll:
                break
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
        case .cancelOrder(let id): return "cancel \(id)"
        case .placeOrder(let r): return "place \(r.side) \(r.quantity) \(r.code)"
        case .modifyOrder(let id, _, _): return "modify \(id)"
        case .unlockTrade: return "unlock"
        case .fetchMaxQuantities(let c, _, _): return "max quantities \(c)"
        case .fetchOrderFees(let f): return "fees of \(f.count) orders"
        case .saveWatchlist: return "save watchlist"
        case .redrawAll: return "redraw"
        }
    }

    func oneLine(_ error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "error"
    }
}
