import ArgumentParser
import Foundation
import TerminalUI

/// `scimterm-bench tui`: the terminal toolkit's frame costs at 200×60 (issue 4's figures).
struct TUIBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Time frame rendering and diffing.")

    @Option(help: "Iterations per measurement.") var iterations = 300

    func run() {
        let theme = Theme.builtinDefault
        var sink = 0
        var previous = ScreenBuffer(width: 200, height: 60)
        report("full 200×60 frame, every cell changed: render + diff") { i in
            var frame = ScreenBuffer(width: 200, height: 60)
            for y in 0..<60 {
                frame.draw(String(repeating: Character(UnicodeScalar(UInt8(65 + (i + y) % 26))), count: 200), x: 0, y: y, style: theme[.text])
            }
            sink += BufferDiff.changes(from: previous, to: frame).count
            previous = frame
        }
        let table = TableView(columns: [TableColumn("#", width: .fixed(8), alignment: .right), TableColumn("User"),
                                        TableColumn("Name", width: .flexible(weight: 2))], showMarks: true)
        let total = 1_000_000
        var state = ListState().moved(by: total / 2, total: total, viewport: 58)
        var last = ScreenBuffer(width: 200, height: 60)
        report("1,000,000-row table moved one row: update + render + diff") { _ in
            state = state.moved(by: 1, total: total, viewport: 58)
            var frame = ScreenBuffer(width: 200, height: 60)
            table.render(into: &frame, area: Rect(x: 0, y: 0, width: 200, height: 60), state: state, total: total, theme: theme) { row, column in
                column == 0 ? String(row) : column == 1 ? "user\(row)@contoso.com" : "Zoë 漢字 \(row)"
            }
            sink += BufferDiff.changes(from: last, to: frame).count
            last = frame
        }
        var a = ScreenBuffer(width: 200, height: 60), b = ScreenBuffer(width: 200, height: 60)
        for y in 0..<60 {
            a.draw(String(repeating: "a", count: 200), x: 0, y: y)
            b.draw(String(repeating: "b", count: 200), x: 0, y: y)
        }
        report("diff alone, every cell changed") { _ in sink += BufferDiff.changes(from: a, to: b).count }
        report("diff alone, nothing changed") { _ in sink += BufferDiff.changes(from: a, to: a).count }
        if sink == 42 { print("") }  // keeps the work from being optimised away
    }

    private func report(_ label: String, _ body: (Int) -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<iterations { body(i) }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations) / 1e6
        print("| \(label) | \(String(format: "%.2f", ms)) ms |")
    }
}
