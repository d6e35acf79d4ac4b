/// A 1-based line and column in a source file, as editors and compilers count them.
///
/// Columns count Unicode scalars, not bytes, so that "line 3, column 12" points at the same place
/// in the editor whatever accents precede it.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// Converts one byte offset; for many offsets use `positions(of:in:)`, which reads the text once.
    public static func of(offset: Int, in bytes: some Collection<UInt8>) -> SourcePosition {
        positions(of: [offset], in: bytes)[0]
    }

    /// Converts byte offsets to positions in a single pass, whatever order they come in.
    public static func positions(of offsets: [Int], in bytes: some Collection<UInt8>) -> [SourcePosition] {
        bytes.withContiguousStorageIfAvailable { positions(of: offsets, inBuffer: $0) }
            ?? Array(bytes).withUnsafeBufferPointer { positions(of: offsets, inBuffer: $0) }
    }

    /// Over a buffer, as the generic collection's iterator made this scan of a whole file cost more
    /// than finding the diagnostics in it.
    private static func positions(of offsets: [Int], inBuffer bytes: UnsafeBufferPointer<UInt8>) -> [SourcePosition] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [SourcePosition](repeating: SourcePosition(line: 1, column: 1), count: offsets.count)
        var line = 1, column = 1, offset = 0
        for slot in order {
            let target = min(offsets[slot], bytes.count)
            while offset < target {
                let b = bytes[offset]
                offset += 1
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1  // counts lead bytes only: one per scalar
                }
            }
            result[slot] = SourcePosition(line: line, column: column)
        }
        return result
    }
}
