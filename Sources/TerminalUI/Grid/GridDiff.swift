/// A run of changed cells on one row: what the backend must send.
public struct CellRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    /// A run starting at (`x`, `y`).
    public init(x: Int, y: Int, cells: [Cell]) { self.x = x; self.y = y; self.cells = cells }
}

/// The difference between the frame on screen and the next one.
public enum GridDiff {
    /// Runs of cells in `next` that differ from `previous`; every cell when there is no previous
    /// frame or its size differs. A changed wide character always carries its continuation and a
    /// changed continuation pulls in its base, so the terminal never sees half a character.
    public static func runs(from previous: CellGrid?, to next: CellGrid) -> [CellRun] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            return (0..<next.height).map { y in
                CellRun(x: 0, y: y, cells: Array(next.cells[(y * next.width)..<((y + 1) * next.width)]))
            }
        }
        var runs: [CellRun] = []
        let w = next.width
        for y in 0..<next.height {
            let base = y * w
            var x = 0
            while x < w {
                if previous.cells[base + x] == next.cells[base + x] { x += 1; continue }
                var start = x
                if next.cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = x + 1
                while end < w,
                    previous.cells[base + end] != next.cells[base + end] || next.cells[base + end].isContinuation
                {
                    end += 1
                }
                runs.append(CellRun(x: start, y: y, cells: Array(next.cells[(base + start)..<(base + end)])))
                x = end
            }
        }
        return runs
    }

    /// Cells in a list of runs (continuations included).
    public static func cellCount(_ runs: [CellRun]) -> Int { runs.reduce(0) { $0 + $1.cells.count } }
}
