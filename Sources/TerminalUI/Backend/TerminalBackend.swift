/// Where frames go: the ncurses terminal, or memory in tests and benchmarks.
public protocol TerminalBackend: AnyObject {
    /// The current size of the screen.
    var size: TerminalSize { get }
    /// Draws runs of cells; `clear` first blanks the whole screen (after a resize).
    func draw(_ runs: [CellRun], clear: Bool)
    /// Pushes what was drawn to the terminal.
    func flush()
}

/// Sends each frame's difference from the previous one to a backend: an unchanged frame sends
/// nothing at all, which is what keeps an idle screen silent over ssh.
public final class FrameRenderer {
    public let backend: TerminalBackend
    /// The frame the terminal is showing.
    public private(set) var front: CellGrid?
    /// Cells sent by the last `present`.
    public private(set) var lastCellsSent = 0

    /// A renderer over `backend`, with nothing on screen yet.
    public init(backend: TerminalBackend) { self.backend = backend }

    /// Shows `frame`, sending only the cells that changed. Returns the cells sent.
    @discardableResult
    public func present(_ frame: CellGrid) -> Int {
        let resized = front.map { $0.width != frame.width || $0.height != frame.height } ?? true
        let runs = GridDiff.runs(from: resized ? nil : front, to: frame)
        lastCellsSent = GridDiff.cellCount(runs)
        if !runs.isEmpty {
            backend.draw(runs, clear: resized)
            backend.flush()
        }
        front = frame
        return lastCellsSent
    }

    /// Forgets what is on screen so the next frame is sent whole (after the terminal lost it).
    public func invalidate() { front = nil }
}
