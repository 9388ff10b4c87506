import Foundation
import TradingKit
import XCTest
@testable import MooApp

/// Collects what the runner posts, from any thread.
final class Posted: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []
    private var calls: [String] = []
    func post(_ e: AppEvent) { lock.lock(); events.append(e); lock.unlock() }
    func call(_ c: String) { lock.lock(); calls.append(c); lock.unlock() }
    var all: [AppEvent] { lock.lock(); defer { lock.unlock() }; return events }
    var log: [String] { lock.lock(); defer { lock.unlock() }; return calls }
}

/// Polls `condition` every 5 ms until it holds or `timeout` passes.
func waitUntil(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(5_000)  // poll interval, bounded by the deadline above
    }
    return condition()
}

final class EffectRunnerTests: XCTestCase {
    typealias F = AppFixtures

    func testWatchDetailSubscribesBeforeLoading() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        gateway.subscribe = { codes, types in posted.call("subscribe \(codes) \(types.count)") }
        gateway.orderBook = { code in
            posted.call("book")
            return OrderBook(code: code, asks: [BookLevel(price: F.p("320.4"), volume: 100)], bids: [])
        }
        gateway.ticks = { _, count in
            posted.call("ticks \(count)"); return []
        }
        gateway.bars = { _, period, count in
            posted.call("bars \(period.rawValue) \(count)"); return []
        }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.watchDetail(F.tencent)])
        XCTAssertTrue(waitUntil { posted.all.contains { if case .response(.history) = $0 { true } else { false } } })
        XCTAssertEqual(posted.log.first, "subscribe [HK.00700] 3")
        XCTAssertEqual(Set(posted.log.dropFirst()), ["book", "ticks 50", "bars 1m 120"])
        XCTAssertTrue(
            posted.all.contains(
                .response(
                    .orderBook(
                        OrderBook(code: F.tencent, asks: [BookLevel(price: F.p("320.4"), volume: 100)], bids: [])))))
        runner.finish()
    }

    func testUnknownCodeIsReportedAsUnknownAndFailuresAsOneLine() {
        let posted = Posted()
        var gateway = Gateway.unimplemented()
        gateway.securityInfo = { _ in [] }
        struct Down: Error, CustomStringConvertible { var description: String { "gateway unreachable\nsecond line" } }
        gateway.snapshots = { _ in throw Down() }
        let runner = EffectRunner(gateway: gateway, post: posted.post, saveWatchlist: { _ in })
        runner.perform([.checkSecurity(F.alibaba), .loadSnapshots([F.tencent])])
        XCTAssertTrue(waitUntil { posted.all.count >= 2 })
        XCTAssertTrue(posted.all.contains(.response(.securityChecked(F.alibaba, nil))))
        XCTAssertTrue(posted.all.contains(.response(.failed(what: "snapshots", reason: "gateway unreachable"))))
        runner.finish()
    }

    func testWatchlistSavesHappenInOrder() {
        let posted = Posted()
        let runner = EffectRunner(
            gateway: .unimplemented(), post: posted.post,
            saveWatchlist: { codes in posted.call(codes.map(\.description).joined(separator: ",")) })
        runner.perform([.saveWatchlist([F.tencent]), .saveWatchlist([F.tencent, F.apple]), .saveWatchlist([F.apple])])
        XCTAssertTrue(waitUntil { posted.log.count == 3 })
        XCTAssertEqual(posted.log, ["HK.00700", "HK.00700,US.AAPL", "US.AAPL"])
        runner.finish()
    }
}
