import ArgumentParser
import CNcursesw
import Foundation
import Logging
import MooApp
import OpenDClient
import SimGateway
import TerminalUI
import TradingKit

/// `mootui [--opend HOST:PORT] ...`: the terminal UI, on the embedded simulator by default.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the terminal UI (default).")

    @OptionGroup var gateway: GatewayOptions

    @Option(help: "Trading environment: simulate or real.")
    var env = "simulate"

    @Option(help: "Watchlist codes, comma-separated (default: the saved watchlist), e.g. HK.00700,US.AAPL.")
    var watch: String?

    @Option(help: "Theme name (default, light, red-up, colorblind, mono) or a .toml file.")
    var theme: String?

    @Option(help: "Keymap name (default, vim) or a .toml file.")
    var keymap: String?

    @Option(name: .customLong("max-fps"), help: "At most this many frames a second (1-240; lower it over slow links).")
    var maxFPS = 30

    @Option(help: "Log file (default: $XDG_STATE_HOME/mootui/mootui.log).")
    var log: String?

    @Option(help: "Record every frame received to FILE while the UI runs (see `mootui replay FILE --info`).")
    var record: String?

    func validate() throws {
        guard (1...240).contains(maxFPS) else { throw ValidationError("--max-fps must be between 1 and 240") }
        guard TradingEnvironment(rawValue: env) != nil else { throw ValidationError("--env must be simulate or real") }
        if let watch {
            for code in watch.split(separator: ",") {
                do { _ = try SecurityCode(parsing: String(code)) } catch { throw ValidationError("--watch: \(error)") }
            }
        }
    }

    func run() async throws { try await runTUI(replay: nil, replayName: nil) }

    /// The UI; with `replay`, on the embedded simulator serving that recording (`mootui replay FILE`).
    func runTUI(replay: ReplaySource?, replayName: String?) async throws {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TUIError("the terminal UI needs an interactive terminal; see `mootui --help` for one-shot commands")
        }
        Self.configureBacktracer(environment)
        let (logger, logPath) = try startLogging(environment)
        var problems: [ConfigFileError] = []
        let configPath = AppConfig.path(environment: environment)
        let (config, configProblem) = AppConfig.load(path: configPath)
        if let configProblem { problems.append(configProblem) }
        let (chosenTheme, themeProblem) = AppearanceLoader.theme(theme ?? config.theme, environment: environment)
        if let themeProblem { problems.append(themeProblem) }
        let (chosenKeymap, keymapProblem) = AppearanceLoader.keymap(keymap ?? config.keymap, environment: environment)
        if let keymapProblem { problems.append(keymapProblem) }
        for p in problems { logger.warning("\(p.description)") }
        let watchlist =
            try watch.map { try $0.split(separator: ",").map { try SecurityCode(parsing: String($0)) } }
            ?? config.watchlist
        let tradingEnvironment = TradingEnvironment(rawValue: env) ?? .simulate
        let fps = maxFPS
        let feeSchedule = try FeeScheduleOption.schedule(gateway.fees)

        // A live session can be recorded (`record.toggle`, from the start with --record FILE); a replay is not.
        let recorder = replay != nil ? nil : SwitchableRecorder(
            directory: record.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 }
                ?? SwitchableRecorder.defaultDirectory(environment),
            gateway: gateway.opend ?? "embedded sim", logger: logger)
        if let recorder, let record {
            let status = recorder.start(file: record)
            if let error = status.error { throw TUIError(error) }
        }
        defer { recorder?.stop() }
        let simulator = SimulatorBox()
        try await withGateway(gateway, logger: logger, frameTap: recorder, replay: replay,
                              onSimulator: { simulator.server = $0 }) { client in
            let address = replay.map { _ in "replay of \(replayName ?? "a recording")" } ?? gateway.opend ?? "embedded sim"
            var live = Gateway.live(client, address: address, environment: tradingEnvironment)
            if replay != nil, let server = simulator.server {
                live.replayControl = { server.replayControl($0) }
            }
            if let recorder { live.recording = { recorder.control($0) } }
            let writer = ConfigWriter(config: config, path: configPath, logger: logger)
            let settings = UISettings(
                environment: tradingEnvironment, address: address, watchlist: watchlist, theme: chosenTheme,
                keymap: chosenKeymap, maxFPS: fps, problems: problems, fees: feeSchedule, logPath: logPath,
                debugTrap: environment["MOOTUI_DEBUG_TRAP"] == "1",
                replayBadge: replay.map { " REPLAY \($0.speed) · PAPER " },
                save: { codes in writer.save(watchlist: codes) }, alertBell: config.alertBell)
            try await runOnUIThread(settings: settings, gateway: live, logger: logger)
        }
    }

    /// The Swift runtime reads SWIFT_BACKTRACE once, when the process starts: unless the user set
    /// it, set it (no interactive prompt, no colour, to stderr, which the UI points at the log
    /// file) and exec this same program again. If the exec fails the UI runs with the defaults;
    /// the terminal's crash guard still restores the screen first.
    static func configureBacktracer(_ environment: [String: String]) {
        guard environment["SWIFT_BACKTRACE"] == nil else { return }
        setenv("SWIFT_BACKTRACE", "enable=yes,interactive=no,color=no,output-to=stderr", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// Sends swift-log to the log file; returns the logger and the file's path.
    private func startLogging(_ environment: [String: String]) throws -> (Logger, String) {
        let path =
            log
            ?? {
                if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/mootui/mootui.log" }
                return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/mootui/mootui.log"
            }()
        let sink: FileLogHandler.Sink
        do { sink = try FileLogHandler.open(path: path) } catch {
            throw TUIError("cannot open log file \(path): \(error)")
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
        var logger = Logger(label: "mootui.tui")
        logger.logLevel = .info
        logger.info("starting the terminal UI")
        return (logger, path)
    }
}

/// The embedded simulator `withGateway` started, if any (the replay keys reach it).
private final class SimulatorBox {
    var server: SimServer?
}

/// Rewrites the config file with a new watchlist, keeping the user's other settings.
final class ConfigWriter: @unchecked Sendable {
    private let lock = NSLock()
    private var config: AppConfig
    private let path: String
    private let logger: Logger

    init(config: AppConfig, path: String, logger: Logger) {
        self.config = config; self.path = path; self.logger = logger
    }

    func save(watchlist: [SecurityCode]) {
        lock.lock()
        defer { lock.unlock() }
        config.watchlist = watchlist
        do { try config.save(path: path) } catch { logger.error("saving \(path): \(error)") }
    }
}

/// A failure before the UI starts, in one line (no usage text: the arguments were fine).
struct TUIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What the UI thread needs, resolved before it starts.
struct UISettings: Sendable {
    var environment: TradingEnvironment
    var address: String
    var watchlist: [SecurityCode]
    var theme: Theme
    var keymap: Keymap
    var maxFPS: Int
    var problems: [ConfigFileError]
    /// The schedule the ticket estimates fees with (the embedded sim charges the same).
    var fees: FeeSchedule
    /// The log file: stderr and a crash's backtrace go there while the UI owns the terminal.
    var logPath: String
    /// MOOTUI_DEBUG_TRAP=1 (for the terminal tests): F12 traps, as a runtime failure would.
    var debugTrap: Bool
    /// Set when replaying: shown where SIMULATE / REAL is.
    var replayBadge: String? = nil
    var save: @Sendable ([SecurityCode]) -> Void
    /// Ring the bell when a price alert triggers (config `alert-bell`).
    var alertBell = true
}

/// Runs the event loop on a thread of its own (it blocks in poll) and waits for it. The terminal
/// is restored there on every way out: quit, signal, or a thrown error.
func runOnUIThread(settings: UISettings, gateway: Gateway, logger: Logger) async throws {
    let outcome: Result<Void, any Error> = await withCheckedContinuation { continuation in
        let thread = Thread {
            do {
                try runUI(settings: settings, gateway: gateway, logger: logger)
                continuation.resume(returning: .success(()))
            } catch {
                continuation.resume(returning: .failure(error))
            }
        }
        thread.name = "mootui-ui"
        thread.start()
    }
    try outcome.get()
}

private func runUI(settings: UISettings, gateway: Gateway, logger: Logger) throws {
    let terminal = try NcursesTerminal(logPath: settings.logPath)
    defer { terminal.restore() }
    let mailbox = Mailbox<AppEvent>()
    defer { mailbox.close() }
    let runner = EffectRunner(
        gateway: gateway, post: { mailbox.post($0) }, saveWatchlist: settings.save,
        log: { logger.warning("\($0)") })
    defer { runner.finish() }
    var state = AppState(
        environment: settings.environment, gatewayAddress: settings.address,
        watchlist: settings.watchlist, keymap: settings.keymap)
    state.feeSchedule = settings.fees
    state.replayBadge = settings.replayBadge
    state.alertBell = settings.alertBell
    state.wallClockOffset =
        Date().timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT()) - monotonicSeconds()
    let program = MooProgram(
        state: state, theme: settings.theme.adapted(to: terminal.colorSupport),
        glyphs: terminal.glyphs, perform: { runner.perform($0) },
        takePushes: {
            guard let feed = gateway.pushFeed else { return [] }
            let at = monotonicSeconds()
            return feed.take().map { .gateway($0, at: at) }
        }, clock: { monotonicSeconds() })
    // Market data waits in the feed's slots; the mailbox only carries the one wake-up per frame.
    gateway.pushFeed?.onWaiting { mailbox.post(.pushesWaiting) }
    let loop = TerminalEventLoop(program: program, mailbox: mailbox, maxFPS: settings.maxFPS)
    if settings.debugTrap { loop.debugTrapKey = .function(12) }
    let pump = runner.pumpEvents(now: { monotonicSeconds() })
    defer { pump.cancel() }
    program.send(.timer(monotonicSeconds()))
    program.send(.started)
    if let recording = gateway.recording { program.send(.response(.recordingStatus(recording(.status)))) }
    for problem in settings.problems {
        program.send(.response(.failed(what: "settings", reason: problem.description)))
    }
    loop.run(on: terminal)
    logger.info("terminal UI finished")
}

/// Seconds on the monotonic clock (what the loop's timer uses too).
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
