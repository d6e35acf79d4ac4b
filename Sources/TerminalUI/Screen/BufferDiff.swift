/// A run of changed cells on one row, in the order a terminal should write them.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

/// Compares two frames so that a terminal writes only what changed.
public enum BufferDiff {
    /// The runs of cells in `new` that differ from `old`. When the sizes differ everything is sent,
    /// because the terminal has been cleared by the resize anyway.
    public static func changes(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellRun] {
        var runs: [CellRun] = []
        let full = old == nil || old?.size != new.size
        for y in 0..<new.size.height {
            let newRow = new.row(y)
            let oldRow = full ? nil : old?.row(y)
            var x = 0
            var current: CellRun?
            for cell in newRow {
                let changed = oldRow.map { $0[$0.startIndex + x] != cell } ?? true
                if changed {
                    if current == nil { current = CellRun(x: x, y: y, cells: []) }
                    current?.cells.append(cell)
                } else if let run = current {
                    runs.append(closing(run, in: new))
                    current = nil
                }
                x += 1
            }
            if let run = current { runs.append(closing(run, in: new)) }
        }
        return runs
    }

    /// A run that starts on the right half of a wide character is widened to include its left half,
    /// since a terminal cannot draw half a glyph.
    private static func closing(_ run: CellRun, in buffer: ScreenBuffer) -> CellRun {
        guard let first = run.cells.first, first.isContinuation, run.x > 0 else { return run }
        return CellRun(x: run.x - 1, y: run.y, cells: [buffer[run.x - 1, run.y]] + run.cells)
    }
}
