/// Where a conflated push goes, read from its protobuf body without decoding it: the security
/// (and K-line type) is all the router needs, so a book that a newer one supersedes is never
/// decoded at all.
struct PushRoute {
    var kind: PushKind
    /// K-line type for `.kline`, 0 otherwise.
    var subType: Int32
    var market: Int32
    /// The security code's bytes (inside the body being routed).
    var code: UnsafeRawBufferPointer
    /// What the slot keeps: the whole body, or for quotes the one `BasicQot` message.
    var payload: UnsafeRawBufferPointer
    /// Ticker prints in the payload (for the dropped count); 0 for other kinds.
    var prints: Int

    /// FNV-1a over everything that identifies the slot.
    var hash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        mix(kind.rawValue)
        for shift in stride(from: 0, to: 32, by: 8) { mix(UInt8(truncatingIfNeeded: subType >> shift)) }
        for shift in stride(from: 0, to: 32, by: 8) { mix(UInt8(truncatingIfNeeded: market >> shift)) }
        for byte in code { mix(byte) }
        return h
    }

    /// Calls `each` with the route of every message in a conflatable push body and returns true,
    /// or returns false without calling it when the body is not one the router reads exactly
    /// (retType ≠ 0, no S2C, no security, malformed): the push then takes the ordinary path.
    @inline(__always)
    static func routes(of kind: PushKind, body: UnsafeRawBufferPointer, _ each: (PushRoute) -> Void) -> Bool {
        guard let s2c = s2c(of: body) else { return false }
        switch kind {
        case .orderBook, .ticker, .kline:
            guard let route = single(kind, s2c: s2c, body: body) else { return false }
            each(route)
            return true
        case .quote:
            // Check every quote first, so a frame is routed whole or not at all.
            guard forEachQuote(in: s2c, { _ in }) else { return false }
            return forEachQuote(in: s2c, each)
        }
    }

    /// The S2C of a successful push `Response`, or nil.
    private static func s2c(of body: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var r = ProtobufWireCursor(body)
        var retType: UInt64?
        var s2c: UnsafeRawBufferPointer?
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            switch (field, wire) {
            case (1, 0):
                guard let v = r.varint() else { return nil }
                retType = v
            case (4, 2):
                // A repeated S2C would merge; rare enough to leave to the generated decoder.
                guard s2c == nil, let bytes = r.lengthDelimited() else { return nil }
                s2c = bytes
            default:
                guard r.skip(wire) else { return nil }
            }
        }
        guard retType == 0 else { return nil }
        return s2c
    }

    /// The route of a book, ticker or K-line S2C (one security each).
    private static func single(_ kind: PushKind, s2c: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer)
        -> PushRoute?
    {
        let securityField = kind == .kline ? 3 : 1
        var r = ProtobufWireCursor(s2c)
        var security: (market: Int32, code: UnsafeRawBufferPointer)?
        var klType: Int32 = 0
        var prints = 0
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return nil }
            if field == securityField, wire == 2 {
                guard security == nil, let bytes = r.lengthDelimited(), let parsed = ProtobufWireCursor.security(bytes) else {
                    return nil
                }
                security = parsed
                // A book needs nothing past its security (sent first): its levels are read only
                // if it is still the newest when the consumer takes it.
                if kind == .orderBook { break }
            } else if kind == .kline, field == 2, wire == 0 {
                guard let v = r.varint() else { return nil }
                klType = Int32(truncatingIfNeeded: v)
            } else if kind == .ticker, field == 2, wire == 2 {
                guard r.lengthDelimited() != nil else { return nil }
                prints += 1
            } else {
                guard r.skip(wire) else { return nil }
            }
        }
        guard let security else { return nil }
        return PushRoute(
            kind: kind, subType: klType, market: security.market, code: security.code, payload: body, prints: prints)
    }

    /// Calls `each` for every `BasicQot` of a 3005 S2C; false at the first one it cannot route.
    private static func forEachQuote(in s2c: UnsafeRawBufferPointer, _ each: (PushRoute) -> Void) -> Bool {
        var r = ProtobufWireCursor(s2c)
        while !r.atEnd {
            guard let (field, wire) = r.tag() else { return false }
            guard field == 1, wire == 2 else {
                guard r.skip(wire) else { return false }
                continue
            }
            guard let quote = r.lengthDelimited() else { return false }
            var q = ProtobufWireCursor(quote)
            var security: (market: Int32, code: UnsafeRawBufferPointer)?
            while !q.atEnd {
                guard let (f, w) = q.tag() else { return false }
                if f == 1, w == 2 {
                    guard security == nil, let bytes = q.lengthDelimited(), let parsed = ProtobufWireCursor.security(bytes) else {
                        return false
                    }
                    security = parsed
                } else {
                    guard q.skip(w) else { return false }
                }
            }
            guard let security else { return false }
            each(
                PushRoute(
                    kind: .quote, subType: 0, market: security.market, code: security.code, payload: quote, prints: 0))
        }
        return true
    }
}
