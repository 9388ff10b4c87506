/// One conflation slot: a (kind, sub-type, market, code) and the newest bytes for it, or for
/// ticker prints a bounded ring of push bodies in arrival order. Buffers are reused, so a slot
/// that has seen its first push stores later ones without allocating.
struct PushSlot {
    let kind: PushKind
    let subType: Int32
    let market: Int32
    let code: [UInt8]
    /// The newest payload (book, quote, K-line).
    var latest: [UInt8] = []
    /// Ticker bodies, oldest at `ringStart`, `ringCount` of them; `ringPrints` counts their prints.
    var ring: [[UInt8]] = []
    var ringPrints: [Int] = []
    var ringStart = 0
    var ringCount = 0
    /// Prints that fell off the ring since the last take.
    var dropped = 0
    /// Changed since the last take (and listed in the store's dirty list).
    var isDirty = false

    init(_ route: PushRoute) {
        kind = route.kind
        subType = route.subType
        market = route.market
        code = Array(route.code)
    }

    /// True when `route` names this slot (the hash index can collide; this cannot).
    func matches(_ route: PushRoute) -> Bool {
        guard kind == route.kind, subType == route.subType, market == route.market, code.count == route.code.count
        else { return false }
        return code.withUnsafeBytes { own in own.elementsEqual(route.code) }
    }

    /// Keeps `route`'s payload: replaces the newest, or appends to the ring (dropping the oldest
    /// when it holds `ringCapacity` bodies).
    mutating func store(_ route: PushRoute, ringCapacity: Int) {
        guard kind == .ticker else {
            latest.removeAll(keepingCapacity: true)
            latest.append(contentsOf: route.payload)
            return
        }
        let index: Int
        if ringCount == ringCapacity {
            index = ringStart
            dropped += ringPrints[index]
            ringStart = (ringStart + 1) % ringCapacity
        } else {
            index = (ringStart + ringCount) % ringCapacity
            ringCount += 1
        }
        if index == ring.count {
            ring.append(Array(route.payload))  // only while the ring first fills
            ringPrints.append(route.prints)
        } else {
            ring[index].removeAll(keepingCapacity: true)
            ring[index].append(contentsOf: route.payload)
            ringPrints[index] = route.prints
        }
    }

    /// What changed since the last take, oldest print first; empties the ring and the count.
    mutating func take() -> TakenPush {
        var bodies: [[UInt8]] = []
        if kind == .ticker {
            bodies.reserveCapacity(ringCount)
            for i in 0..<ringCount { bodies.append(ring[(ringStart + i) % ring.count]) }
            ringStart = 0
            ringCount = 0
        } else {
            bodies.append(latest)
        }
        let taken = TakenPush(kind: kind, subType: subType, market: market, code: code, bodies: bodies, dropped: dropped)
        dropped = 0
        isDirty = false
        return taken
    }
}

/// What a slot hands the consumer: the newest payload (or every ticker body, oldest first) and
/// the prints that were dropped because the consumer fell behind.
public struct TakenPush: Sendable {
    public var kind: PushKind
    /// K-line type for `.kline`, 0 otherwise.
    public var subType: Int32
    public var market: Int32
    /// The code's UTF-8 bytes as sent.
    public var code: [UInt8]
    /// Push bodies (book, K-line, ticker: a whole `Response`; quote: one `BasicQot`).
    public var bodies: [[UInt8]]
    /// Ticker prints lost off the ring since the previous take.
    public var dropped: Int
}
