import Foundation
import TradingKit

/// Everything a simulated OpenD needs to start: where to listen, where to keep its ledger, and
/// how its markets and accounts behave.
public struct SimConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks any free port (read it back from ``SimServer/port``).
    public var port = 0
    /// Ledger directory; nil means `$XDG_DATA_HOME/mootui/sim` or `~/.local/share/mootui/sim`.
    public var dataDirectory: String? = nil
    /// Seed of every random choice the markets make.
    public var seed: UInt64 = 1
    /// Market updates per second per code; 0 freezes quotes.
    public var rate: Double = 4
    /// Subscription quota shared by every connection.
    public var quota = 100
    /// PKCS#1 private key (PEM text); when set, InitConnect is RSA and later packets AES.
    public var rsaPrivateKeyPEM: String? = nil
    /// JSON-lines request log file, if any.
    public var logPath: String? = nil
    /// Market timetable.
    public var marketHours: MarketHours = .always
    /// Adds REAL-environment accounts (still paper money) that need a trade unlock.
    public var withRealAccounts = false
    /// Lower-case hex MD5 of the trade password that unlocks REAL accounts.
    public var tradePasswordMD5: String? = nil
    /// What the paper broker charges on every fill (Trd_GetOrderFee reports it); the built-in
    /// schedule is `Fees/default.toml`.
    public var fees: FeeSchedule = FeeScheduleFile.builtin
    /// Seconds between the client's keep-alives, as told in InitConnect.
    public var keepAliveInterval: Int32 = 10
    /// Seconds the paper broker takes to acknowledge a trade write (place, modify, cancel), as a
    /// real broker's round trip does; queries stay instant. 0 answers at once (benchmarks).
    public var orderLatency: TimeInterval = 0.04
    /// Instruments to add to, or replace in, the built-in universe (`--universe FILE`).
    public var extraInstruments: [Instrument] = []
    /// False only for benchmarks: every request is served at once, without OpenD's documented
    /// request limits (which are enforced by default, as OpenD does).
    public var enforcesRateLimits = true

    /// The defaults: loopback, any port, seed 1, 4 updates per second, quota 100, 40 ms order latency.
    /// Serve this recording's quotes instead of the random walk (`sim --replay`).
    public var replay: ReplaySource? = nil

    public init() {}

    /// The ledger directory after applying the XDG default.
    public var resolvedDataDirectory: String {
        if let dataDirectory { return dataDirectory }
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/mootui/sim" }
        let home = env["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/mootui/sim"
    }
}
