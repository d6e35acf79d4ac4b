/// Files that hold nothing to import in any format, told apart before format sniffing.
///
/// Anything that does not start with `{` or `[` is read as CSV, and the CSV reader takes the first
/// line for a header whatever it holds: a file of blank space or of `null` lines (what a failed
/// export or `jq` on an empty result leaves) would become a CSV of users with nothing but
/// `schemas`, reported as dozens of missing-attribute errors instead of the one thing wrong.
public enum EmptyInput {
    /// Why the bytes hold nothing to import, or nil when they may hold something.
    /// Reads only up to the first line that carries data, so a real file costs one line.
    public static func problem(_ bytes: [UInt8]) -> InputError? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var nullLines = 0
        var lineStart = start
        for i in start...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            switch trimmed(bytes[lineStart..<i]) {
            case let line where line.isEmpty: break
            case let line where line.elementsEqual("null".utf8): nullLines += 1
            default: return nil
            }
            lineStart = i + 1
        }
        let what = nullLines > 0
            ? "the file holds only JSON null (\(nullLines) \(nullLines == 1 ? "line" : "lines")), no users"
            : bytes.count > start ? "the file holds only blank space" : "the file is empty"
        return InputError(message: "nothing to import: \(what); expected a CSV with a header line, a BulkRequest or SCIM Users",
                          position: SourcePosition(line: 1, column: 1), offset: 0)
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return [] }
        return line[first...last]
    }
}
