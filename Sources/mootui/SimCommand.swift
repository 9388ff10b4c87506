import ArgumentParser
import Foundation
import SimGateway

/// `mootui sim ...`: the simulated OpenD on its own, for any client (the official SDK too).
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the simulated OpenD alone (paper markets and a paper broker on the OpenD wire protocol).")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 = any free port).") var port = 11111
    @Option(name: .customLong("data"), help: "Ledger directory (default: $XDG_DATA_HOME/mootui/sim).") var dataDirectory: String?
    @Option(help: "Seed of the simulated markets.") var seed: UInt64 = 1
    @Option(help: "Market updates per second per code (0 freezes quotes).") var rate: Double = 4
    @Option(help: "Subscription quota shared by all connections.") var quota = 100
    @Option(name: .customLong("rsa-key"), help: "PKCS#1 private key file: encrypt sessions (RSA InitConnect, then AES).") var rsaKey: String?
    @Option(name: .customLong("log"), help: "Append a JSON-lines request log to FILE.") var logPath: String?
    @Option(name: .customLong("market-hours"), help: "always | real (follow the exchanges' timetables).") var marketHours = "always"
    @Flag(name: .customLong("with-real-accounts"), help: "Add REAL-environment paper accounts that need a trade unlock.") var withRealAccounts = false
    @Option(help: FeeScheduleOption.help) var fees: String?
    @Option(name: .customLong("order-latency"), help: ArgumentHelp("Milliseconds the paper broker takes to acknowledge a place/modify/cancel (0 = at once).", valueName: "ms")) var orderLatencyMS = 40
    @Option(name: .customLong("universe"), help: ArgumentHelp("CSV or TOML file of instruments (code, name, lot, price, kind) to add or replace.", valueName: "file")) var universe: String?
    @Option(name: .customLong("trade-password-md5-file"), help: "File (mode 0600) holding the MD5 (32 hex) of the trade password that unlocks REAL accounts; or set $MOOTUI_TRADE_PASSWORD_MD5.") var tradePasswordMD5File: String?
    @Option(help: ArgumentHelp("Serve a recording's quotes (from `mootui record`) instead of the random walk.", valueName: "file")) var replay: String?
    @Option(help: "With --replay: a factor of real time (1, 10, 0.5) or max.") var speed = "1"
    @Flag(name: .customLong("no-rate-limits"), help: "For benchmarks only: serve every request at once, without OpenD's documented request limits (enforced by default).") var noRateLimits = false
    /// Gone: it put the secret in argv. Kept hidden so using it gets a clear error.
    @Option(name: .customLong("trade-password-md5"), help: .hidden) var tradePasswordMD5InArgv: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard MarketHours(rawValue: marketHours) != nil else { throw ValidationError("--market-hours must be 'always' or 'real'") }
        guard rate >= 0, rate.isFinite else { throw ValidationError("--rate must be a number ≥ 0") }
        guard quota >= 0 else { throw ValidationError("--quota must be ≥ 0") }
        guard (0...60_000).contains(orderLatencyMS) else {
            throw ValidationError("--order-latency must be 0…60000 milliseconds")
        }
        if tradePasswordMD5InArgv != nil {
            throw ValidationError(
                "--trade-password-md5 put the secret in the command line, where every user can read it: "
                    + "use --trade-password-md5-file FILE (mode 0600) or $\(TradePasswordMD5Source.environmentVariable)")
        }
    }

    func run() async throws {
        var config = SimConfiguration()
        config.host = host
        config.port = port
        config.dataDirectory = dataDirectory
        config.seed = seed
        config.rate = rate
        config.quota = quota
        config.logPath = logPath
        config.marketHours = MarketHours(rawValue: marketHours) ?? .always
        config.withRealAccounts = withRealAccounts
        do {
            config.tradePasswordMD5 = try TradePasswordMD5Source.load(
                file: tradePasswordMD5File, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
        config.fees = try FeeScheduleOption.schedule(fees)
        config.orderLatency = TimeInterval(orderLatencyMS) / 1000
        config.enforcesRateLimits = !noRateLimits
        if let universe {
            do {
                config.extraInstruments = try UniverseFile.load(universe)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if let rsaKey {
            guard let pem = try? String(contentsOfFile: rsaKey, encoding: .utf8) else {
                throw ValidationError("cannot read the RSA key file \(rsaKey)")
            }
            config.rsaPrivateKeyPEM = pem
        }
        if let replay { config.replay = try SimReplayOption.load(replay, speed: speed, extra: config.extraInstruments) }
        let server: SimServer
        do {
            server = try await SimServer.start(config)
        } catch {
            throw ValidationError("cannot start the simulated OpenD: \(error)")
        }
        // Unbuffered: scripts wait for this exact line before connecting.
        FileHandle.standardOutput.write(Data("mootui sim listening on \(server.host):\(server.port)\n".utf8))
        await Self.waitForTerminationSignal()
        try await server.shutdown()
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func waitForTerminationSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "mootui.sim.signals")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = SignalOnce(continuation)
            for sig in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { once.fire() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation the first time a signal arrives and keeps the signal sources alive.
private final class SignalOnce: @unchecked Sendable {
    // Touched only on the signal queue (fire) and before any signal can arrive (keep).
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) { sources.append(source) }

    func fire() {
        continuation?.resume()
        continuation = nil
        for s in sources { s.cancel() }
    }
}
