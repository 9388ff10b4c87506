/// Wire quantities are doubles (2 decimals for orders and positions); mootui trades whole
/// shares, so they are rounded once, here, to the nearest Int64.
enum WireQuantity {
    /// The whole-share quantity of a wire double; non-finite values become 0.
    @inline(__always)
    static func shares(_ value: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        let r = value.rounded(.toNearestOrAwayFromZero)
        if r >= 9.0e18 { return Int64.max }
        if r <= -9.0e18 { return Int64.min }
        return Int64(r)
    }

    /// A volume from its int64 field or, when the gateway sends it, the high-precision double
    /// (the official SDK prefers `hpVolume` too).
    @inline(__always)
    static func volume(_ volume: Int64, hp: Double, hasHP: Bool) -> Int64 {
        hasHP ? shares(hp) : volume
    }
}
