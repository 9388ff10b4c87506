// bench-terminal: bytes the ncurses backend writes to a real pseudo-terminal (120x40,
// xterm-256color, UTF-8), driving MooApp's program the way the event loop does at 30 fps.
//   idle:      nothing changes but the clock (quotes frozen, like `mootui sim --rate 0`)
//   watchlist: one watchlist code (not the selected one) quoting 50 times a second
//   selected:  the selected code quoting, re-pricing its book and printing a trade 50 times a second
//              (and the same without trades, to show what the tape costs)
// Each is compared with a full repaint of the same screen. Prints figures; not a test.
// Scripts/it/21-tui-idle-bytes.sh checks the idle case on the real binary and `mootui sim --rate 0`.
import CNcursesw
import Foundation
import MooApp
import TerminalUI
import TradingKit

/// Counts everything the terminal receives on the master side of a pty.
final class PtyCounter: @unchecked Sendable {
    let master: Int32
    private let lock = NSLock()
    private var total = 0
    private var lastRead = Date()

    init(master: Int32) { self.master = master }

    func start() {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return }
                lock.lock(); total += n; lastRead = Date(); lock.unlock()
            }
        }
    }

    var bytes: Int { lock.lock(); defer { lock.unlock() }; return total }

    /// Waits until the terminal has received everything written so far (no bytes for 50 ms).
    func settle() {
        while true {
            usleep(10_000)
            lock.lock(); let quiet = Date().timeIntervalSince(lastRead) > 0.05; lock.unlock()
            if quiet { return }
        }
    }
}

func price(_ s: String) -> Price { Price(s)! }

/// Simulated monotonic seconds: the program's clock (its tape frame cap) follows the frames.
final class FrameClock {
    var now = 1000.0
}

func makeState(keymap: Keymap) -> AppState {
    let codes = ["HK.00700", "HK.09988", "US.AAPL", "US.TSLA", "SH.600519", "SZ.000001"].map {
        try! SecurityCode(parsing: $0)
    }
    let names = ["腾讯控股", "阿里巴巴-W", "Apple", "Tesla", "贵州茅台", "平安银行"]
    var s = AppState(environment: .simulate, gatewayAddress: "127.0.0.1:11111", watchlist: codes, keymap: keymap)
    _ = AppReducer.reduce(&s, .started)
    s.now = 1000
    s.lastPushAt = 999.5
    for (i, code) in codes.enumerated() {
        s.securities[code] = SecurityInfo(code: code, name: names[i], lotSize: 100, kind: .stock)
        s.quotes[code] = Quote(
            code: code, name: names[i], last: price("100") + Price(units: Int64(i * 10)),
            previousClose: price("99"), volume: 1_000_000)
    }
    let tencent = codes[0]
    var asks: [BookLevel] = [], bids: [BookLevel] = []
    for i in 0..<10 {
        asks.append(BookLevel(price: price("320.4") + Price(micros: Int64(i) * 200_000), volume: Int64(1000 * (i + 1))))
        bids.append(BookLevel(price: price("320.2") - Price(micros: Int64(i) * 200_000), volume: Int64(1500 * (i + 1))))
    }
    s.books[tencent] = OrderBook(code: tencent, asks: asks, bids: bids)
    s.tapes[tencent] = (0..<40).map {
        Tick(sequence: Int64($0), time: "2026-11-27 10:00:00", price: price("320.2"), volume: 100, direction: .buy)
    }.reversed()
    s.candles[CandleSeries(tencent, .oneMinute)] = (0..<60).map { i in
        let c = price("320") + Price(micros: Int64(i % 7) * 200_000)
        return Bar(
            time: "2026-11-27 10:\(String(format: "%02d", i)):00", open: c, high: c + price("0.4"),
            low: c - price("0.4"), close: c, volume: 100)
    }
    s.candles[CandleSeries(tencent, .fiveMinutes)] = s.candles[CandleSeries(tencent, .oneMinute)]
    return s
}

func runBenchmark() throws {
    setenv("LANG", "C.UTF-8", 1)
    setenv("LINES", "40", 1)
    setenv("COLUMNS", "120", 1)
    var nameBuffer = [CChar](repeating: 0, count: 256)
    let master = mt_open_pty(&nameBuffer, Int32(nameBuffer.count))
    guard master >= 0 else { fatalError("no pseudo-terminal available") }
    let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let slave = open(slavePath, O_RDWR | O_NOCTTY)
    let counter = PtyCounter(master: master)
    counter.start()
    let terminal = try NcursesTerminal(
        environment: ["TERM": "xterm-256color"], output: fdopen(slave, "w"),
        input: fdopen(slave, "r"), terminalType: "xterm-256color")
    let size = terminal.size
    let renderer = FrameRenderer(backend: terminal)
    let frameClock = FrameClock()
    let program = MooProgram(
        state: makeState(keymap: AppearanceLoader.defaultKeymap),
        theme: ThemeLoader.builtinDefault.adapted(to: terminal.colorSupport), glyphs: terminal.glyphs,
        perform: { _ in }, clock: { frameClock.now })
    program.update([LoopInput<AppEvent>.resize(size)])

    func frame() {
        if program.needsRedraw { renderer.present(program.frame(size: size)) }
    }

    /// Bytes written for one full repaint of the current screen.
    func fullRepaint() -> Int {
        counter.settle()
        let before = counter.bytes
        renderer.invalidate()
        renderer.present(program.frame(size: size))
        counter.settle()
        return counter.bytes - before
    }

    frame()
    counter.settle()
    let firstFrame = counter.bytes
    let full = fullRepaint()

    // Idle: 10 simulated seconds at 30 fps, the one-second timer ticking.
    var clock = 1000.0
    let before = counter.bytes
    for f in 0..<300 {
        clock += 1.0 / 30
        frameClock.now = clock
        if f % 30 == 29 { program.update([LoopInput<AppEvent>.timer(clock)]) }
        frame()
    }
    counter.settle()
    let idleBytes = counter.bytes - before

    /// 50 updates a second for 10 simulated seconds, frames at 30 fps; returns bytes per frame.
    func updating(_ code: SecurityCode, withDetail: Bool, withTrades: Bool = true) -> (perFrame: Double, frames: Int) {
        counter.settle()
        let start = counter.bytes
        var frames = 0
        var sequence: Int64 = 1000
        var update = 0
        for f in 0..<300 {
            let t = clock + Double(f) / 30
            frameClock.now = t
            var inputs: [LoopInput<AppEvent>] = []
            while Double(update) / 50 <= Double(f) / 30 {
                update += 1
                var q = program.state.quotes[code]!
                let tick = Price(micros: Int64([0, 1, 2, 1, 0, -1][update % 6]) * 200_000)
                q.last = price("320.2") + tick
                q.volume += 100
                q.turnover = q.turnover + q.last.notional(100)
                inputs.append(.message(.gateway(.quote(q), at: t)))
                if withDetail {
                    var book = program.state.books[code]!
                    book.bids[update % 10].volume += 100
                    book.asks[(update * 3) % 10].volume += 100
                    inputs.append(.message(.gateway(.orderBook(book), at: t)))
                }
                if withDetail, withTrades {
                    sequence += 1
                    inputs.append(
                        .message(
                            .gateway(
                                .ticks(
                                    code,
                                    [
                                        Tick(
                                            sequence: sequence, time: "2026-11-27 10:00:01",
                                            price: q.last, volume: 100 * Int64(update % 5 + 1),
                                            direction: update % 2 == 0 ? .buy : .sell)
                                    ]), at: t)))
                }
            }
            if f % 30 == 29 { inputs.append(.timer(t)) }
            program.update(inputs)
            if program.needsRedraw { frames += 1 }
            frame()
        }
        clock += 10
        counter.settle()
        return (Double(counter.bytes - start) / 300, frames)
    }

    let other = try SecurityCode(parsing: "SH.600519")
    let (watchlistPerFrame, watchlistFrames) = updating(other, withDetail: false)
    let tencent = try SecurityCode(parsing: "HK.00700")
    let (quoteBookPerFrame, _) = updating(tencent, withDetail: true, withTrades: false)
    let (selectedPerFrame, selectedFrames) = updating(tencent, withDetail: true)
    terminal.restore()

    func pct(_ x: Double) -> String { String(format: "%.2f%%", 100 * x / Double(full)) }
    print("bench-terminal: \(size.columns)x\(size.rows) xterm-256color UTF-8 through a pty, 30 fps")
    print("  first frame                        \(firstFrame) bytes")
    print("  full repaint                       \(full) bytes")
    print("  idle (clock only), 10 s            \(idleBytes) bytes -> \(Double(idleBytes) / 10) bytes/s")
    print(
        String(
            format:
                "  one watchlist code 50 updates/s     %.1f bytes/frame = %@ of a full repaint (%d frames drawn of 300)",
            watchlistPerFrame, pct(watchlistPerFrame), watchlistFrames))
    print(String(format: "  selected code 50 quote+book/s       %.1f bytes/frame = %@ of a full repaint", quoteBookPerFrame, pct(quoteBookPerFrame)))
    print(
        String(
            format:
                "  selected code 50 quote+book+trade/s %.1f bytes/frame = %@ of a full repaint (%d frames drawn of 300)",
            selectedPerFrame, pct(selectedPerFrame), selectedFrames))
    let idleOK = idleBytes == 0
    let watchOK = watchlistPerFrame <= 0.05 * Double(full)
    let selectedOK = selectedPerFrame <= 0.05 * Double(full)
    print(
        "  goals: idle 0 bytes/s \(idleOK ? "met" : "MISSED"); one code 50/s <= 5% of a full repaint per frame \(watchOK ? "met" : "MISSED");"
            + " selected code 50/s <= 5% \(selectedOK ? "met" : "MISSED") (tape drawn at most every \(MooProgram.tapeInterval) s)"
    )
}

try runBenchmark()
