/// A market as a trader names it in a code prefix: "HK", "US", "SH", "SZ".
public enum Market: String, Sendable, CaseIterable, Codable, Hashable {
    case hk = "HK"
    case us = "US"
    case sh = "SH"
    case sz = "SZ"

    /// Quote-side market number (`Qot_Common.QotMarket`).
    public var qotMarket: Int32 {
        switch self {
        case .hk: return 1
        case .us: return 11
        case .sh: return 21
        case .sz: return 22
        }
    }

    /// Security market inside trade messages (`Trd_Common.TrdSecMarket`).
    public var trdSecMarket: Int32 {
        switch self {
        case .hk: return 1
        case .us: return 2
        case .sh: return 31
        case .sz: return 32
        }
    }

    /// The account market that trades this security (`Trd_Common.TrdMarket`): A-shares trade in
    /// CN (3) on simulate accounts and through Stock Connect, HKCC (4), on real ones.
    public func trdMarket(env: TradingEnvironment) -> Int32 {
        switch self {
        case .hk: return 1
        case .us: return 2
        case .sh, .sz: return env == .simulate ? 3 : 4
        }
    }

    /// Market for a `QotMarket` number, nil if unknown to mootui.
    public init?(qotMarket: Int32) {
        switch qotMarket {
        case 1: self = .hk
        case 11: self = .us
        case 21: self = .sh
        case 22: self = .sz
        default: return nil
        }
    }

    /// Market for a `TrdSecMarket` number, nil if unknown to mootui.
    public init?(trdSecMarket: Int32) {
        switch trdSecMarket {
        case 1: self = .hk
        case 2: self = .us
        case 31: self = .sh
        case 32: self = .sz
        default: return nil
        }
    }

    /// The currency prices are quoted in.
    public var currency: String {
        switch self {
        case .hk: return "HKD"
        case .us: return "USD"
        case .sh, .sz: return "CNY"
        }
    }
}

/// SIMULATE (paper) or REAL (money) trading, `Trd_Common.TrdEnv`.
public enum TradingEnvironment: String, Sendable, CaseIterable, Codable, Hashable {
    case simulate
    case real

    /// Wire value: 0 simulate, 1 real.
    public var wireValue: Int32 { self == .simulate ? 0 : 1 }

    /// Environment for a wire value; anything but 1 is simulate.
    public init(wireValue: Int32) { self = wireValue == 1 ? .real : .simulate }
}
