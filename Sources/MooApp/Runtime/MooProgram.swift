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
    public private(set) var needsRedraw = true
    public private(set) var needsFullRepaint = false

    /// A program starting from `state`; `perform` runs effects (an `EffectRunner` in the app, a
    /// recorder in tests).
    public init(state: AppState, theme: Theme, glyphs: Glyphs, perform: @escaping ([Effect]) -> Void) {
        self.state = state; self.theme = theme; self.glyphs = glyphs; self.perform = perform
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
            case .message(let m): event = m
            case .signal(let s): event = .signal(s)
            case .timer(let t): event = .timer(t)
            }
            effects += AppReducer.reduce(&state, event)
        }
        if effects.contains(.redrawAll) { needsFullRepaint = true; needsRedraw = true }
        if state != before { needsRedraw = true }
        if !effects.isEmpty { perform(effects) }
    }

    public func frame(size: TerminalSize) -> CellGrid {
        needsRedraw = false
        needsFullRepaint = false
        return ScreenView.render(state, theme: theme, glyphs: glyphs, size: size)
    }
}
