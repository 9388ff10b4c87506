import Foundation
import TradingKit
import XCTest
@testable import MooApp

/// A gate async closures wait at until the test opens it.
final class AsyncGate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    func wait() async {
        await withCheckedContinuation { c in
            lock.lock()
            if isOpen { lock.unlock(); c.resume(); return }
            waiters.append(c)
            lock.unlock()
        }
    }
    func open() {
        lock.lock(); isOpen = true; let w = waiters; waiters = []; lock.unlock()
        for c in w { c.resume() }
    }
}

/// Queries are latest-wins: while one of a kind runs, a burst of newer ones leaves only the
/// newest waiting (OpenD rate-limits them; each waiting request held memory and answered a stale
/// question). Commands are never coalesced.
final class EffectCoalescingTests: XCTestCase {
    typealias F = AppFixtures

    func testABurstOfQueriesRunsTheFirstAndThenOnlyTheNewest() {
        let posted = Posted()
        let gate = AsyncGate()
        var gateway = Gateway.unimplemented()
        gateway.bars = { _, _, count in
            posted.call("bars \(count)")
            await gate.wait()
            return []
        }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        let series = CandleSeries(F.tencent, .oneMinute)
        runner.perform([.loadHistory(series, count: 1)])
        XCTAssertTrue(waitUntil { posted.log == ["bars 1"] })
        runner.perform((2...400).map { .loadHistory(series, count: $0) })
        // Another series is another kind: it runs at once beside the blocked one.
        runner.perform([.loadHistory(CandleSeries(F.apple, .day), count: 7)])
        XCTAssertTrue(waitUntil { posted.log.count == 2 })
        XCTAssertEqual(posted.log, ["bars 1", "bars 7"])
        gate.open()
        XCTAssertTrue(waitUntil { posted.log.count == 3 })
        XCTAssertEqual(posted.log.last, "bars 400", "only the newest of the burst runs")
        XCTAssertTrue(waitUntil {
            posted.all.filter { if case .response(.history) = $0 { true } else { false } }.count == 3
        })
        // Idle again: the next one runs at once.
        runner.perform([.loadHistory(series, count: 401)])
        XCTAssertTrue(waitUntil { posted.log.last == "bars 401" })
        XCTAssertEqual(posted.log.count, 4)
        runner.finish()
    }

    func testCommandsAreNeverCoalesced() {
        let posted = Posted()
        let gate = AsyncGate()
        var gateway = Gateway.unimplemented()
        gateway.securityInfo = { codes in
            posted.call("check \(codes)")
            await gate.wait()
            return []
        }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform(Array(repeating: .checkSecurity(F.tencent), count: 5))
        XCTAssertTrue(waitUntil { posted.log.count == 5 }, "\(posted.log)")
        gate.open()
        runner.finish()
        XCTAssertNil(EffectCoalescer.key(of: .placeOrder(OrderRequest(code: F.tencent, side: .buy, type: .limit,
                                                                      price: F.p("320.2"), quantity: 100), F.hkAccount)))
        XCTAssertNil(EffectCoalescer.key(of: .cancelOrder("1", F.hkAccount)))
        XCTAssertEqual(EffectCoalescer.key(of: .fetchMaxQuantities(F.tencent, F.p("1"), .limit, F.hkAccount)),
                       EffectCoalescer.key(of: .fetchMaxQuantities(F.apple, F.p("2"), .market, F.usAccount)))
    }
}
