import Foundation

/// The row loop on every core: the data rows are cut into windows of about `chunkBytes` at a line
/// break, each window is parsed and mapped on a worker as if a record started there, and the
/// windows are taken in order on the calling thread.
///
/// A cut inside a quoted field is caught without guessing at quotes: a window is kept only when the
/// previous one (parsed for real) ended exactly where it starts, because the parser's state between
/// records is just the position and the line. Otherwise the window is parsed again from where the
/// previous one really ended. Lines and record numbers are provisional on the workers (counted from
/// 0) and shifted once the window is placed; a window that fails is parsed again in order with its
/// real line, so the error names the same line as the sequential loop, after the same rows.
extension CSVConverter {
    /// The result of one window: rows parsed up to the first record that ends at or past its bound.
    struct Window: Sendable {
        var slots: [[JSONValue?]] = []
        var diagnostics: [Diagnostic] = []
        /// Where the next record starts, and the lines consumed (the parser's count, CRLF as one).
        var end = 0
        var lines = 0
        var error: CSVError?
    }

    /// Same rows in the same order to `sink`, the same diagnostics and the same thrown error (after
    /// the same rows) as `forEachRow`; only the parsing and mapping run on `workers` threads.
    func forEachRowInChunks(_ bytes: [UInt8], mapping: CSVMapping?, extensionURN: String?,
                            chunkBytes: Int = 1 << 20, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                            _ sink: ([JSONValue?], CSVPlan) -> Void) throws(CSVError) -> [Diagnostic] {
        let (stream, mapper, headerDiagnostics) = try prepare(bytes, mapping: mapping, extensionURN: extensionURN)
        var diagnostics = headerDiagnostics
        let reader = self.reader
        try Self.inOrder(bytes, from: stream.parser.position, line: stream.parser.line, chunkBytes: chunkBytes, workers: workers,
                         parse: { start, bound, line in
                             Self.window(bytes, from: start, to: bound, line: line, mapper: mapper, reader: reader, delimiter: stream.delimiter)
                         },
                         rows: { $0.slots.count }, end: { ($0.end, $0.lines, $0.error) }) { window, base throws(CSVError) in
            for slots in window.slots { sink(slots, mapper.plan) }
            if let error = window.error { throw error }
            diagnostics += window.diagnostics.map { Self.shifted($0, lines: base.line, records: base.index) }
        }
        return diagnostics
    }

    /// The ordered loop over windows parsed ahead on `workers` threads: `parse(start, bound, line)`
    /// makes a window (line 0 when provisional), `take` gets each in order with the line and record
    /// number its provisional ones are shifted by. A window that does not start where the previous
    /// one really ended, or that failed, is parsed again here from the real position and line.
    /// `meanwhile` runs on the calling thread while the first windows are parsed; when it throws,
    /// no window is taken.
    static func inOrder<W: Sendable>(_ bytes: [UInt8], from start: Int, line firstLine: Int, chunkBytes: Int, workers: Int,
                                     parse: @escaping @Sendable (Int, Int, Int) -> W, rows: (W) -> Int,
                                     end: (W) -> (end: Int, lines: Int, error: CSVError?),
                                     meanwhile: () throws(CSVError) -> Void = {},
                                     _ take: (W, (line: Int, index: Int)) throws(CSVError) -> Void) throws(CSVError) {
        let cuts = Self.cuts(bytes, from: start, every: max(1, chunkBytes))
        let results = ConcurrentSlots<W>(count: cuts.count - 1)
        let groups = (0..<cuts.count - 1).map { _ in DispatchGroup() }
        let lookahead = max(1, workers) * 2
        func launch(_ k: Int) {
            guard k < groups.count else { return }
            DispatchQueue.global().async(group: groups[k]) { results[k] = parse(cuts[k], cuts[k + 1], 0) }
        }
        for k in 0..<min(lookahead, groups.count) { launch(k) }
        do {
            // Work of the calling thread that can overlap the first windows (the encoding check).
            try meanwhile()
        } catch {
            for k in 0..<min(lookahead, groups.count) { groups[k].wait() }
            throw error
        }
        var position = start, line = firstLine, index = 0
        for k in groups.indices {
            groups[k].wait()
            let speculative = results[k]
            results[k] = nil
            launch(k + lookahead)
            if position >= cuts[k + 1] { continue }  // the previous window's last record covered this one
            var base = (line: line, index: index)
            let window: W
            if let speculative, position == cuts[k], end(speculative).error == nil {
                window = speculative
            } else {
                window = parse(position, cuts[k + 1], line)
                base = (0, index)
            }
            try take(window, base)
            let (next, lines, _) = end(window)
            position = next
            line += lines
            index += rows(window)
        }
    }

    /// Window boundaries: `from`, then the byte after the first line feed at or past every
    /// `every` bytes, then the end. Speculative: a line feed may sit inside a quoted field.
    static func cuts(_ bytes: [UInt8], from start: Int, every size: Int) -> [Int] {
        var cuts = [start]
        var guess = start + size
        while guess < bytes.count {
            guard let feed = bytes[guess...].firstIndex(of: 0x0A), feed + 1 < bytes.count else { break }
            cuts.append(feed + 1)
            guess = feed + 1 + size
        }
        cuts.append(max(start, bytes.count))
        return cuts
    }

    /// Parses and maps the records that start before `bound`, from `start` on line `line`
    /// (0 when provisional); record numbers count from 0 within the window.
    static func window(_ bytes: [UInt8], from start: Int, to bound: Int, line: Int, mapper: CSVRowMapper,
                       reader: CSVReader, delimiter: UInt8) -> Window {
        var parser = CSVParser(bytes: bytes, position: start, delimiter: delimiter, maxFieldBytes: reader.maxFieldBytes)
        parser.line = line
        var result = Window()
        do {
            while parser.position < bound, let row = try parser.nextRow(maxColumns: reader.maxColumns, expectedColumns: mapper.header.count) {
                if row.isBlank { continue }
                // A fresh array per row: reusing one would copy the stored row's slots on the next write.
                var slots = [JSONValue?](repeating: nil, count: mapper.plan.layout.slotCount)
                mapper.map(row, index: result.slots.count, into: &slots, diagnostics: &result.diagnostics)
                result.slots.append(slots)
            }
        } catch {
            result.error = error
        }
        result.end = parser.position
        result.lines = parser.line - line
        return result
    }

    static func shifted(_ diagnostic: Diagnostic, lines: Int, records: Int) -> Diagnostic {
        diagnostic.shifted(records: records, lines: lines)
    }
}
