import OpenDProtocol
import TradingKit

/// Reads a Qot_UpdateOrderBook (3013) protobuf body straight into an ``OrderBook``.
///
/// Order-book pushes are the hottest path of the client (hundreds per second per code during a
/// busy session); the generated decoder spends most of its time materialising twenty nested
/// messages and strings nobody reads. This reader walks the bytes once and keeps only what the
/// book needs. It never guesses: anything it does not handle exactly (groups, invalid UTF-8,
/// truncation, a missing security) returns nil, and the caller uses the generated decoder,
/// which then decides (and reports errors) exactly as before.
public enum OrderBookWireReader {
    /// What the reader found: the book, or a push reporting failure (retType ≠ 0).
    public enum Outcome {
        case book(OrderBook)
        case failed
    }

    /// The book of a whole `Qot_UpdateOrderBook.Response` body, or nil when the caller must fall back.
    public static func read(_ body: UnsafeRawBufferPointer) -> Outcome? {
        var r = ProtobufWireCursor(body)
        var retType: Int32 = -400  // proto default when absent
        var s2c: UnsafeRawBufferPointer?
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            switch (field, wire) {
            case (1, 0):
                guard let v = r.varint() else { return nil }
                retType = Int32(truncatingIfNeeded: v)
            case (4, 2):
                // A repeated message field merges; the book is rebuilt from all occurrences below.
                guard let bytes = r.lengthDelimited() else { return nil }
                if s2c != nil { return nil }  // rare; let the generated decoder merge
                s2c = bytes
            case (2, 2):
                // retMsg: unread, but invalid UTF-8 in it makes the generated decoder throw.
                guard r.string() != nil else { return nil }
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        // A failed push with a body: the generated decoder still parses (and may reject) it.
        guard retType == 0 else { return s2c == nil ? .failed : nil }
        guard let s2c else { return nil }
        return readS2C(s2c).map(Outcome.book)
    }

    private static func readS2C(_ bytes: UnsafeRawBufferPointer) -> OrderBook? {
        var r = ProtobufWireCursor(bytes)
        var market: Int32?
        var code: String?
        var name = ""
        var asks: [BookLevel] = []
        var bids: [BookLevel] = []
        asks.reserveCapacity(10)
        bids.reserveCapacity(10)
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            switch (field, wire) {
            case (1, 2):
                guard let sec = r.lengthDelimited(), let security = ProtobufWireCursor.security(sec),
                      let text = String(validating: security.code, as: UTF8.self)
                else { return nil }
                market = security.market
                code = text
            case (2, 2):
                guard let level = r.lengthDelimited().flatMap(readLevel) else { return nil }
                asks.append(level)
            case (3, 2):
                guard let level = r.lengthDelimited().flatMap(readLevel) else { return nil }
                bids.append(level)
            case (8, 2):
                guard let text = r.string() else { return nil }
                name = text
            case (4, 2), (6, 2):
                // svrRecvTimeBid/Ask: unread, but validated like every string field.
                guard r.string() != nil else { return nil }
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        guard let market, let code, let m = Market(qotMarket: market) else { return nil }
        return OrderBook(code: SecurityCode(market: m, symbol: code), asks: asks, bids: bids, name: name)
    }

    @inline(__always)
    private static func readLevel(_ bytes: UnsafeRawBufferPointer) -> BookLevel? {
        var r = ProtobufWireCursor(bytes)
        var price = 0.0
        var volume: Int64 = 0
        var count: Int32 = 0
        var hp: Double?
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            switch (field, wire) {
            case (1, 1):
                guard let v = r.fixed64() else { return nil }
                price = Double(bitPattern: v)
            case (2, 0):
                guard let v = r.varint() else { return nil }
                volume = Int64(bitPattern: v)
            case (3, 0):
                guard let v = r.varint() else { return nil }
                count = Int32(truncatingIfNeeded: v)
            case (5, 1):
                guard let v = r.fixed64() else { return nil }
                hp = Double(bitPattern: v)
            case (4, 2):
                // detailList: unread, but the generated decoder parses each entry and rejects a
                // malformed one, so the reader must not accept what it would refuse.
                guard let detail = r.lengthDelimited(), isWellFormedDetail(detail) else { return nil }
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        return BookLevel(
            price: Price(wire: price),
            volume: WireQuantity.volume(volume, hp: hp ?? 0, hasHP: hp != nil),
            orderCount: count)
    }

    /// Whether an `OrderBookDetail{orderID = 1, volume = 2}` body parses: every tag valid, every
    /// field complete (unknown fields skipped as the generated decoder skips them; groups make
    /// the reader defer).
    private static func isWellFormedDetail(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var r = ProtobufWireCursor(bytes)
        while !r.atEnd {
            guard let (_, wire) = r.tag(), r.skip(wire) else { return false }
        }
        return true
    }
}
