import NIOCore
import OpenDProtocol
import TradingKit
import XCTest

@testable import OpenDClient

/// The hand-written 3013 reader must agree with the generated decoder on every input it accepts,
/// and decline (nil) rather than guess on anything it does not handle.
final class ConversionOrderBookReaderTests: XCTestCase {
    private struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func below(_ n: UInt64) -> UInt64 { next() % n }
    }

    private func randomPush(_ g: inout Generator) -> QotUpdateOrderBook_Response {
        var s2c = QotUpdateOrderBook_S2C()
        let markets: [(Int32, String)] = [(1, "00700"), (11, "SNDL"), (21, "600519"), (22, "000001")]
        let (market, code) = markets[Int(g.below(4))]
        s2c.security.market = market
        s2c.security.code = code
        if g.below(2) == 0 { s2c.name = ["腾讯控股", "Sundial", "贵州茅台", ""][Int(g.below(4))] }
        for _ in 0..<g.below(12) {
            var level = QotCommon_OrderBook()
            level.price = Double(g.below(10_000_000)) / 10_000
            level.volume = Int64(g.below(1_000_000))
            level.orederCount = Int32(g.below(100))
            if g.below(4) == 0 { level.hpVolume = Double(g.below(1_000_000)) + 0.5 }
            if g.below(5) == 0 {
                var detail = QotCommon_OrderBookDetail()
                detail.orderID = Int64(g.below(1 << 40))
                detail.volume = 300
                level.detailList.append(detail)
            }
            if g.below(2) == 0 { s2c.orderBookAskList.append(level) } else { s2c.orderBookBidList.append(level) }
        }
        if g.below(2) == 0 {
            s2c.svrRecvTimeBid = "2026-11-27 10:15:03.120"
            s2c.svrRecvTimeBidTimestamp = 1_795_745_703.12
        }
        if g.below(3) == 0 { s2c.orderBookType = 0 }
        var response = QotUpdateOrderBook_Response.success(s2c)
        if g.below(3) == 0 { response.retMsg = "" }
        return response
    }

    private func read(_ bytes: [UInt8]) -> OrderBookWireReader.Outcome? {
        bytes.withUnsafeBytes { OrderBookWireReader.read($0) }
    }

    func testAgreesWithTheGeneratedDecoderOnRandomPushes() throws {
        var g = Generator(state: 42)
        for i in 0..<2000 {
            let response = randomPush(&g)
            let bytes: [UInt8] = try response.serializedBytes()
            let expected = try OrderBook(wire: try QotUpdateOrderBook_Response(serializedBytes: bytes).s2C)
            guard case .book(let book)? = read(bytes) else { return XCTFail("push \(i) declined") }
            XCTAssertEqual(book, expected, "push \(i)")
        }
    }

    func testHighPrecisionVolumeWinsAsInTheGeneratedPath() throws {
        var level = QotCommon_OrderBook()
        level.price = 359.6
        level.volume = 100
        level.orederCount = 1
        level.hpVolume = 123.6
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        s2c.orderBookBidList = [level]
        let bytes: [UInt8] = try QotUpdateOrderBook_Response.success(s2c).serializedBytes()
        guard case .book(let book)? = read(bytes) else { return XCTFail("declined") }
        XCTAssertEqual(book.bids.first?.volume, 124)
        XCTAssertEqual(book.bids.first?.price, Price("359.6"))
    }

    func testFailedPushIsReportedNotDecoded() throws {
        let bytes: [UInt8] = try QotUpdateOrderBook_Response.failure("no right").serializedBytes()
        guard case .failed? = read(bytes) else { return XCTFail("expected .failed") }
    }

    func testDeclinesTruncatedCorruptAndUnknownMarketBodies() throws {
        var g = Generator(state: 7)
        var response = randomPush(&g)
        response.s2C.orderBookAskList.append(QotCommon_OrderBook())  // an empty level: all defaults
        let bytes: [UInt8] = try response.serializedBytes(partial: true)
        // Every strict prefix is either declined or, when it happens to end on a field boundary
        // the generated decoder also accepts, read identically. Never a crash.
        for cut in 0..<bytes.count {
            let prefix = Array(bytes[0..<cut])
            guard case .book(let book)? = read(prefix) else { continue }
            let generated = try? QotUpdateOrderBook_Response(serializedBytes: prefix, partial: true)
            XCTAssertEqual(book, try generated.map { try OrderBook(wire: $0.s2C) }, "cut at \(cut)")
        }
        // A group wire type (3) is not handled: declined.
        XCTAssertNil(read([0x0B, 0x0C]))
        // HK futures (market 2) cannot be a SecurityCode: declined, so the caller reports the typed error.
        var futures = QotUpdateOrderBook_S2C()
        futures.security.market = 2
        futures.security.code = "HSImain"
        let futuresBytes: [UInt8] = try QotUpdateOrderBook_Response.success(futures).serializedBytes()
        XCTAssertNil(read(futuresBytes))
        // Invalid UTF-8 in the name: declined (the generated decoder rejects it too).
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        // Response{retType 0, s2c{security, name = FF FE}} built by hand.
        var inner: [UInt8] = try s2c.serializedBytes()
        inner += [0x42, 0x02, 0xFF, 0xFE]
        let badName: [UInt8] = [0x08, 0x00, 0x22, UInt8(inner.count)] + inner
        XCTAssertNil(read(badName))
    }

    /// Found by fuzz-client-push: invalid UTF-8 in a string field the reader does not keep
    /// (retMsg, svrRecvTimeBid/Ask) made it answer while the generated decoder throws.
    func testDeclinesInvalidUTF8InStringFieldsItSkips() throws {
        // Response{retMsg = B0}: was read as a failed push instead of a malformed one.
        let badRetMsg: [UInt8] = [0x12, 0x01, 0xB0]
        XCTAssertThrowsError(try QotUpdateOrderBook_Response(serializedBytes: badRetMsg, partial: true))
        XCTAssertNil(read(badRetMsg))
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        let security: [UInt8] = try s2c.serializedBytes()
        for tag: UInt8 in [0x22, 0x32] {  // fields 4 and 6, length-delimited
            let inner = security + [tag, 0x01, 0xB0]
            let body: [UInt8] = [0x08, 0x00, 0x22, UInt8(inner.count)] + inner
            XCTAssertThrowsError(try QotUpdateOrderBook_Response(serializedBytes: body, partial: true))
            XCTAssertNil(read(body), "field tag \(tag)")
            // Valid UTF-8 there is still read directly.
            let fine = security + [tag, 0x01, 0x41]
            guard case .book? = read([0x08, 0x00, 0x22, UInt8(fine.count)] + fine) else { return XCTFail("tag \(tag)") }
        }
    }

    /// Found by fuzz-client-push: a push without retType (so failed) whose s2c is truncated was
    /// read as a failed push; the generated decoder rejects the body, so the reader defers.
    func testDefersAFailedPushWhoseBodyIsMalformed() throws {
        let truncatedS2C: [UInt8] = [0x22, 0x01, 0x41]
        XCTAssertThrowsError(try QotUpdateOrderBook_Response(serializedBytes: truncatedS2C, partial: true))
        XCTAssertNil(read(truncatedS2C))
        // Without a body a failed push is still answered directly.
        guard case .failed? = read([0x08, 0x01]) else { return XCTFail("expected .failed") }
    }

    /// Found by fuzz-client-push: a level's detailList entry the reader skipped unread (here an
    /// over-long varint, then an 11-byte one) while the generated decoder parses and rejects it;
    /// and a key of 2^32 or more, which the generated decoder rejects as malformed.
    func testDefersMalformedDetailEntriesAndOverlongKeys() throws {
        func body(level extra: [UInt8]) throws -> [UInt8] {
            var level = QotCommon_OrderBook()
            level.price = 359.8
            level.volume = 200
            level.orederCount = 1
            var levelBytes: [UInt8] = try level.serializedBytes()
            levelBytes += extra
            var s2c = QotUpdateOrderBook_S2C()
            s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
            var inner: [UInt8] = try s2c.serializedBytes()
            inner += [0x12, UInt8(levelBytes.count)] + levelBytes  // orderBookAskList
            return [0x08, 0x00, 0x22, UInt8(inner.count)] + inner
        }
        let elevenByteVarint: [UInt8] = [0x08] + Array(repeating: 0xFF, count: 10) + [0x01]
        let truncatedVolume: [UInt8] = [0x08, 0x01, 0x10, 0x80]
        for detail in [elevenByteVarint, truncatedVolume] {
            let bad = try body(level: [0x22, UInt8(detail.count)] + detail)
            XCTAssertThrowsError(try QotUpdateOrderBook_Response(serializedBytes: bad, partial: true))
            XCTAssertNil(read(bad), "detail \(detail)")
        }
        // A well-formed detail (orderID 1, volume 300) is still read directly, and agrees.
        let good = try body(level: [0x22, 0x05, 0x08, 0x01, 0x10, 0xAC, 0x02])
        let expected = try OrderBook(wire: QotUpdateOrderBook_Response(serializedBytes: good, partial: true).s2C)
        guard case .book(let book)? = read(good) else { return XCTFail("declined a good detail") }
        XCTAssertEqual(book, expected)
        // An unknown varint field whose key is 2^32 + 0 (field 2^29, wire 0): malformed for both.
        let overlongKey = try body(level: [0x80, 0x80, 0x80, 0x80, 0x10, 0x01])
        XCTAssertThrowsError(try QotUpdateOrderBook_Response(serializedBytes: overlongKey, partial: true))
        XCTAssertNil(read(overlongKey))
    }

    func testPushDecoderUsesTheReaderAndFallsBackWithTypedErrors() throws {
        var s2c = QotUpdateOrderBook_S2C()
        s2c.security.market = 2
        s2c.security.code = "HSImain"
        let frame = try Frame(
            protoID: .qotUpdateOrderBook, serial: 1, message: QotUpdateOrderBook_Response.success(s2c))
        XCTAssertThrowsError(try PushDecoder().decode(frame) { _ in }) { error in
            XCTAssertEqual(error as? ConversionError, .unknownQuoteMarket(2, code: "HSImain"))
        }
        s2c.security = SecurityCode(market: .hk, symbol: "00700").wireSecurity
        var level = QotCommon_OrderBook()
        level.price = 359.8
        level.volume = 200
        level.orederCount = 1
        s2c.orderBookAskList = [level]
        let ok = try Frame(protoID: .qotUpdateOrderBook, serial: 2, message: QotUpdateOrderBook_Response.success(s2c))
        var events: [ClientEvent] = []
        try PushDecoder().decode(ok) { events.append($0) }
        guard events.count == 1, case .orderBook(let book) = events[0] else { return XCTFail("\(events)") }
        XCTAssertEqual(book.bestAsk, BookLevel(price: Price("359.8")!, volume: 200, orderCount: 1))
    }
}
