/// What the event loop drives: something that takes inputs, says whether it must be redrawn,
/// draws a frame, and says when it is done. Everything runs on the UI thread.
public protocol TerminalProgram: AnyObject {
    associatedtype Message: Sendable

    /// Handles everything that arrived since the last call, in order.
    func update(_ inputs: [LoopInput<Message>])
    /// True when the state changed since the last frame.
    var needsRedraw: Bool { get }
    /// Draws the current state for a screen of `size`; clears `needsRedraw`.
    func frame(size: TerminalSize) -> CellGrid
    /// True when the loop should stop (quit, signal).
    var isFinished: Bool { get }
    /// True when the next frame must be sent whole (the user asked for a redraw); `frame` clears it.
    var needsFullRepaint: Bool { get }
    /// True once after the program asked for the terminal bell; the loop rings it and the call clears it.
    func takeBell() -> Bool
}

extension TerminalProgram {
    /// Programs that never ring the bell.
    public func takeBell() -> Bool { false }
}

/// One input to a program: a key, a resize, a posted message, a signal, or the periodic timer.
public enum LoopInput<Message: Sendable>: Sendable {
    case key(Key)
    case resize(TerminalSize)
    case message(Message)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
    /// The once-a-second timer (push age, message expiry), with monotonic seconds.
    case timer(Double)
}
