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
        var r = Reader(body)
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
        var r = Reader(bytes)
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
                guard let sec = r.lengthDelimited() else { return nil }
                var s = Reader(sec)
                while !s.atEnd {
                    guard let (f, w) = s.tag() else { return nil }
                    switch (f, w) {
                    case (1, 0):
                        guard let v = s.varint() else { return nil }
                        market = Int32(truncatingIfNeeded: v)
                    case (2, 2):
                        guard let text = s.string() else { return nil }
                        code = text
                    default:
                        guard s.skip(w) else { return nil }
                    }
                }
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
        var r = Reader(bytes)
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
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        return BookLevel(
            price: Price(wire: price),
            volume: WireQuantity.volume(volume, hp: hp ?? 0, hasHP: hp != nil),
            orderCount: count)
    }

    /// A bounds-checked cursor over protobuf wire bytes.
    private struct Reader {
        let base: UnsafeRawBufferPointer
        var offset = 0

        init(_ base: UnsafeRawBufferPointer) { self.base = base }

        var atEnd: Bool { offset >= base.count }

        @inline(__always)
        mutating func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while offset < base.count, shift < 64 {
                let byte = base[offset]
                offset += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
            return nil
        }

        @inline(__always)
        mutating func tag() -> (Int, UInt8)? {
            guard let key = varint(), key >> 3 > 0, key >> 3 <= UInt64(Int32.max) else { return nil }
            return (Int(key >> 3), UInt8(key & 7))
        }

        @inline(__always)
        mutating func fixed64() -> UInt64? {
            guard base.count - offset >= 8 else { return nil }
            let v = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
            return UInt64(littleEndian: v)
        }

        @inline(__always)
        mutating func lengthDelimited() -> UnsafeRawBufferPointer? {
            guard let n = varint(), n <= UInt64(base.count - offset) else { return nil }
            let start = offset
            offset += Int(n)
            return UnsafeRawBufferPointer(rebasing: base[start..<offset])
        }

        /// A UTF-8 string field; nil for invalid UTF-8 (the generated decoder rejects it too).
        @inline(__always)
        mutating func string() -> String? {
            guard let bytes = lengthDelimited() else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }

        /// Skips a field of wire type `wire`; false for groups and unknown wire types.
        @inline(__always)
        mutating func skip(_ wire: UInt8) -> Bool {
            switch wire {
            case 0: return varint() != nil
            case 1: return fixed64() != nil
            case 2: return lengthDelimited() != nil
            case 5:
                guard base.count - offset >= 4 else { return false }
                offset += 4
                return true
            default: return false
            }
        }
    }
}
