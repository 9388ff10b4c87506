/// A terminal in memory: keeps the screen as a grid and counts what was sent to it.
public final class MemoryBackend: TerminalBackend {
    public var size: TerminalSize
    /// The screen as the terminal would show it.
    public private(set) var screen: CellGrid
    /// Total cells drawn since creation.
    public private(set) var cellsDrawn = 0
    /// Number of flushes (frames that reached the terminal).
    public private(set) var flushes = 0

    /// A blank screen of `size`.
    public init(size: TerminalSize) {
        self.size = size
        screen = CellGrid(size: size)
    }

    public func draw(_ runs: [CellRun], clear: Bool) {
        if clear || screen.size != size { screen = CellGrid(size: size) }
        for run in runs {
            for (i, cell) in run.cells.enumerated() where run.x + i < screen.width && run.y < screen.height {
                screen[run.x + i, run.y] = cell
            }
            cellsDrawn += run.cells.count
        }
    }

    public func flush() { flushes += 1 }
}
