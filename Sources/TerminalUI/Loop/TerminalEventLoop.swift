import CNcursesw
import Foundation

/// The UI thread's loop: waits in poll() on the keyboard and the mailbox's wake-up pipe, hands
/// every pending input to the program at once, and draws at most one frame per frame interval on
/// average (``FrameCap``: the first change after a quiet spell is drawn at once), only when the
/// program says something changed. SIGINT, SIGTERM and SIGHUP arrive as inputs so
/// the terminal is always restored by the caller's `defer`.
public final class TerminalEventLoop<Program: TerminalProgram> {
    public let program: Program
    public let mailbox: Mailbox<Program.Message>
    /// Seconds between frames (1 / max fps).
    public let frameInterval: Double
    /// Seconds between timer inputs.
    public let timerInterval: Double
    /// A key that makes the loop trap (`fatalError`), for tests of how a crash leaves the
    /// terminal; nil (the default) in normal use.
    public var debugTrapKey: Key?
    private var signalSources: [DispatchSourceSignal] = []
    private let signalQueue = DispatchQueue(label: "mootui.signals")
    private let signalMailbox = Mailbox<Int32>()

    /// A loop for `program` drawing at most `maxFPS` frames a second.
    public init(program: Program, mailbox: Mailbox<Program.Message>, maxFPS: Int = 30, timerInterval: Double = 1) {
        self.program = program
        self.mailbox = mailbox
        frameInterval = 1.0 / Double(max(1, min(maxFPS, 240)))
        self.timerInterval = timerInterval
    }

    /// Runs on `terminal` until the program finishes. Does not restore the terminal: the caller
    /// does that in a `defer`, so a thrown error restores it too.
    public func run(on terminal: NcursesTerminal) {
        installSignals()
        defer { removeSignals() }
        let renderer = FrameRenderer(backend: terminal)
        var cap = FrameCap(interval: frameInterval)
        var nextTimer = now() + timerInterval
        var size = terminal.size
        program.update([.resize(size)])
        while !program.isFinished {
            let t = now()
            var timeout = nextTimer - t
            if program.needsRedraw { timeout = min(timeout, cap.nextAllowed - t) }
            waitForInput(timeoutSeconds: max(0, timeout))

            var inputs: [LoopInput<Program.Message>] = []
            for sig in signalMailbox.drain() { inputs.append(.signal(sig)) }
            for input in terminal.readInput() {
                switch input {
                case .key(let k):
                    if k == debugTrapKey { fatalError("debug trap: \(k) pressed with MOOTUI_DEBUG_TRAP=1") }
                    inputs.append(.key(k))
                case .resize(let s):
                    size = s
                    renderer.invalidate()
                    inputs.append(.resize(s))
                }
            }
            for m in mailbox.drain() { inputs.append(.message(m)) }
            let after = now()
            if after >= nextTimer {
                inputs.append(.timer(after))
                nextTimer = after + timerInterval
            }
            if !inputs.isEmpty { program.update(inputs) }
            if program.takeBell() { terminal.bell() }
            if program.needsRedraw, cap.allows(at: now()) {
                if program.needsFullRepaint { renderer.invalidate() }
                renderer.present(program.frame(size: size))
                cap.drew(at: now())
            }
        }
    }

    /// Monotonic seconds.
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func waitForInput(timeoutSeconds: Double) {
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
            pollfd(fd: mailbox.wakeFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalMailbox.wakeFD, events: Int16(POLLIN), revents: 0),
        ]
        let ms = Int32(min(timeoutSeconds * 1000, 60_000).rounded(.up))
        // EINTR (e.g. SIGWINCH) just ends the wait; readInput then sees KEY_RESIZE.
        _ = poll(&fds, nfds_t(fds.count), ms)
    }

    private func installSignals() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: signalQueue)
            let box = signalMailbox
            source.setEventHandler { box.post(sig) }
            source.resume()
            signalSources.append(source)
        }
        signal(SIGPIPE, SIG_IGN)
    }

    private func removeSignals() {
        for s in signalSources { s.cancel() }
        signalSources.removeAll()
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }
}
