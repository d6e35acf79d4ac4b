import SCIM
import TerminalUI

/// A small multi-line editor for a record's raw JSON: enough to fix a value or paste an attribute
/// the form has no field for. The text is parsed when the user applies it; a parse error keeps the
/// editor open with the line and column of the problem.
public struct RawJSONEditorState: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public private(set) var top = 0
    /// "3:17 expected ':' …" after a failed apply.
    public var error: String?
    public private(set) var modified = false

    public init(record: UserRecord) {
        let text = JSONWriter(style: .pretty()).string(.object(record.data))
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    /// The record the text describes, or the parse error worded with its line and column.
    public func parsed() -> Result<JSONObject, WorkspaceError> {
        do {
            guard let object = try JSONParser.parse(text).objectValue else {
                return .failure(WorkspaceError("1:1 a user is a JSON object ({ … })"))
            }
            return .success(object)
        } catch {
            return .failure(WorkspaceError("\(error.position) \(error.message)"))
        }
    }

    /// Applies an editing or moving key; false when the key means nothing here.
    mutating func handle(_ key: Key, viewport: Int) -> Bool {
        switch key {
        case .character(let c): insert([c])
        case .paste(let text): for (i, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { newline() }
                insert(Array(part))
            }
        case .enter: newline()
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right: if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: moveRow(-1)
        case .down: moveRow(1)
        case .pageUp: moveRow(-max(1, viewport - 1))
        case .pageDown: moveRow(max(1, viewport - 1))
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = lines[row].count
        default: return false
        }
        scroll(viewport: viewport)
        return true
    }

    private mutating func moveRow(_ delta: Int) {
        row = min(max(0, row + delta), lines.count - 1)
        column = min(column, lines[row].count)
    }

    private mutating func insert(_ characters: [Character]) {
        lines[row].insert(contentsOf: characters.filter { $0 != "\r" }, at: column)
        column += characters.count
        edited()
    }

    private mutating func newline() {
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        // Keep the indentation of the line being split, as editors do.
        let indent = lines[row].prefix { $0 == " " }
        lines.insert(Array(indent) + rest, at: row + 1)
        row += 1
        column = indent.count
        edited()
    }

    private mutating func deleteBackward() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            column = lines[row - 1].count
            lines[row - 1] += lines[row]
            lines.remove(at: row)
            row -= 1
        }
        edited()
    }

    private mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            lines[row] += lines[row + 1]
            lines.remove(at: row + 1)
        }
        edited()
    }

    private mutating func edited() {
        modified = true
        error = nil
    }

    mutating func scroll(viewport: Int) {
        let height = max(1, viewport)
        if row < top { top = row }
        if row >= top + height { top = row - height + 1 }
    }
}
