import TerminalUI
import TradingKit

/// MooApp as a terminal program: turns loop inputs into events, reduces them, hands the effects
/// to a runner and draws the state.
public final class MooProgram: TerminalProgram {
    public typealias Message = AppEvent

    public private(set) var state: AppState
    public let theme: Theme
    public let glyphs: Glyphs
    private let perform: ([Effect]) -> Void
    private let takePushes: () -> [AppEvent]
    private let clock: (() -> Double)?
    /// The selected code's tape as last drawn, and when (the tape's own frame cap).
    private var shownTape: (code: SecurityCode, ticks: [Tick], at: Double)?
    /// Seconds between two repaints of a streaming tape: a busy tape shifts every row each
    /// time it is drawn, so it is drawn at most 10 times a second while the book and quote
    /// follow every frame. A held-back print shows within this interval (never dropped).
    public static let tapeInterval = 0.1
    public private(set) var needsRedraw = true
    public private(set) var needsFullRepaint = false
    /// A `.pushesWaiting` arrived: the next frame takes the conflated pushes first.
    public private(set) var pushesWaiting = false
    /// A triggered alert asked for the bell; the loop rings it once.
    private var bellPending = false

    public func takeBell() -> Bool {
        defer { bellPending = false }
        return bellPending
    }

    /// A program starting from `state`; `perform` runs effects (an `EffectRunner` in the app, a
    /// recorder in tests); `takePushes` hands over the conflated pushes (stamped events) when
    /// a frame is drawn after `.pushesWaiting`, so a burst costs the UI one reduction per frame.
    /// With a `clock` (monotonic seconds) the tape is drawn at most every ``tapeInterval``.
    public init(
        state: AppState, theme: Theme, glyphs: Glyphs, perform: @escaping ([Effect]) -> Void,
        takePushes: @escaping () -> [AppEvent] = { [] }, clock: (() -> Double)? = nil
    ) {
        self.state = state; self.theme = theme; self.glyphs = glyphs; self.perform = perform
        self.takePushes = takePushes
        self.clock = clock
    }

    public var isFinished: Bool { state.isFinished }

    /// Reduces one event directly (startup, tests).
    public func send(_ event: AppEvent) { update([.message(event)]) }

    public func update(_ inputs: [LoopInput<AppEvent>]) {
        let before = state
        var effects: [Effect] = []
        for input in inputs {
            let event: AppEvent
            switch input {
            case .key(let k): event = .key(k)
            case .resize(let s): event = .resize(s)
            case .message(.pushesWaiting):
                pushesWaiting = true
                needsRedraw = true
                continue
            case .message(let m): event = m
            case .signal(let s): event = .signal(s)
            case .timer(let t): event = .timer(t)
            }
            effects += AppReducer.reduce(&state, event)
        }
        if effects.contains(.redrawAll) { needsFullRepaint = true; needsRedraw = true }
        if effects.contains(.ringBell) { bellPending = true }
        if state != before { needsRedraw = true }
        if !effects.isEmpty { perform(effects) }
    }

    public func frame(size: TerminalSize) -> CellGrid {
        if pushesWaiting {
            pushesWaiting = false
            let pushes = takePushes()
            if !pushes.isEmpty { update(pushes.map { .message($0) }) }
        }
        needsRedraw = false
        needsFullRepaint = false
        return ScreenView.render(tapeCapped(), theme: theme, glyphs: glyphs, size: size)
    }

    /// The state to draw: the current one, except that the selected code's tape stays as last
    /// drawn when it was drawn less than ``tapeInterval`` ago (another frame is then due).
    private func tapeCapped() -> AppState {
        guard let clock, let code = state.selectedCode else { return state }
        let now = clock()
        let ticks = state.tapes[code] ?? []
        if let shown = shownTape, shown.code == code, shown.ticks != ticks, now - shown.at < Self.tapeInterval {
            needsRedraw = true  // the held-back prints go out at a later frame
            var view = state
            view.tapes[code] = shown.ticks
            return view
        }
        if shownTape?.code != code || shownTape?.ticks != ticks { shownTape = (code, ticks, now) }
        return state
    }
}
