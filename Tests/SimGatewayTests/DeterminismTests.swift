import Foundation
import OpenDProtocol
import XCTest
@testable import SimGateway

/// One seed, one market: the first 1,000 pushes of two runs are byte-for-byte identical.
final class DeterminismTests: XCTestCase {
    private func firstPushes(seed: UInt64, count: Int) throws -> [[UInt8]] {
        let h = try CoreHarness(seed: seed)
        defer { h.removeData() }
        let conn = try h.connect()
        let codes = ["HK.00700", "HK.09988", "HK.08083", "US.AAPL", "US.TSLA", "US.FFIE", "SH.600519", "SH.688981",
                     "SZ.000001", "SZ.159915"]
        let (r, first) = try h.subscribe(codes, [1, 2, 4, 5, 11], on: conn)
        XCTAssertEqual(r.retType, 0, r.retMsg)
        var pushes = first.map(\.frame)
        while pushes.count < count {
            h.clock.advance(by: 0.25)
            pushes += h.core.step().filter { $0.connection == conn }.map(\.frame)
        }
        return pushes.prefix(count).map { f in
            var bytes = withUnsafeBytes(of: f.protoID.littleEndian, Array.init) + withUnsafeBytes(of: f.serial.littleEndian, Array.init)
            bytes += Array(f.body.readableBytesView)
            return bytes
        }
    }

    func testSameSeedGivesIdenticalFirstThousandPushes() throws {
        let a = try firstPushes(seed: 42, count: 1000)
        let b = try firstPushes(seed: 42, count: 1000)
        XCTAssertEqual(a.count, 1000)
        XCTAssertEqual(a, b)
    }

    func testDifferentSeedsGiveDifferentMarkets() throws {
        let a = try firstPushes(seed: 42, count: 200)
        let b = try firstPushes(seed: 43, count: 200)
        XCTAssertNotEqual(a, b)
    }

    func testPricesStayOnTheTickGridWithBidBelowAsk() throws {
        let market = MarketSimulator(seed: 9, hours: .always, startDate: Date(timeIntervalSince1970: 1_764_223_200))
        for i in 0..<300 {
            _ = market.step(at: Date(timeIntervalSince1970: 1_764_223_200 + Double(i)))
            for code in market.codes {
                let m = market[code]!
                let rules = m.instrument.tickRules
                XCTAssertTrue(rules.isOnTick(m.last), "\(code) last \(m.last)")
                XCTAssertGreaterThanOrEqual(m.asks.count, 10, "\(code)")
                XCTAssertGreaterThanOrEqual(m.bids.count, 10, "\(code)")
                XCTAssertLessThan(m.bids[0].price, m.asks[0].price, "\(code)")
                for level in m.asks + m.bids { XCTAssertTrue(rules.isOnTick(level.price), "\(code) level \(level.price)") }
                XCTAssertTrue(zip(m.asks, m.asks.dropFirst()).allSatisfy { $0.price < $1.price })
                XCTAssertTrue(zip(m.bids, m.bids.dropFirst()).allSatisfy { $0.price > $1.price })
                // The last print is at the touch the book was rebuilt around.
                XCTAssertTrue(m.last == m.asks[0].price || m.last == m.bids[0].price, "\(code)")
                XCTAssertEqual(m.tape.last?.price, m.last)
                let bar = m.bars[.oneMinute]!.last!
                XCTAssertTrue(bar.low <= m.last && m.last <= bar.high)
            }
        }
    }

    func testUniverseCoversTheRequiredInstruments() {
        let codes = Set(Universe.instruments.map(\.code.description))
        XCTAssertGreaterThanOrEqual(codes.count, 30)
        for required in ["HK.00700", "HK.09988", "US.AAPL", "US.TSLA", "SH.600519", "SZ.000001"] {
            XCTAssertTrue(codes.contains(required), required)
        }
        XCTAssertEqual(Universe.instrument(try! .init(parsing: "HK.00700"))?.name, "腾讯控股")
        XCTAssertTrue(Universe.instruments.contains { $0.code.market == .hk && $0.referencePrice.micros < 250_000 })
        XCTAssertTrue(Universe.instruments.contains { $0.code.market == .us && $0.referencePrice.micros < 1_000_000 })
        XCTAssertTrue(Universe.instruments.contains { $0.code.isSTAR })
        XCTAssertTrue(Universe.instruments.contains { $0.code.market == .sh && $0.kind == .fund })
        let hkLots = Set(Universe.instruments.filter { $0.code.market == .hk }.map(\.lotSize))
        XCTAssertTrue(hkLots.isSuperset(of: [100, 500, 1000, 2000]))
    }
}
