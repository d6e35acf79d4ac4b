/// One labelled input of a form.
public struct FormField: Equatable, Sendable {
    public var id: String
    public var label: String
    public var input: TextFieldState
    public var masked: Bool
    public var placeholder: String
    /// Inline error shown under the field, e.g. from validation.
    public var error: String?

    public init(id: String, label: String, text: String = "", masked: Bool = false, placeholder: String = "", error: String? = nil) {
        self.id = id
        self.label = label
        self.input = TextFieldState(text)
        self.masked = masked
        self.placeholder = placeholder
        self.error = error
    }
}

/// A form is a list of section headings and fields; fields take focus in the order they appear.
public enum FormItem: Equatable, Sendable {
    case section(String)
    case field(FormField)
}

public struct FormState: Equatable, Sendable {
    public var items: [FormItem]
    /// Index into `fieldIndices` of the focused field.
    public private(set) var focus: Int

    public init(_ items: [FormItem], focus: Int = 0) {
        self.items = items
        self.focus = 0
        self.focus = min(max(0, focus), max(0, fieldIndices.count - 1))
    }

    /// Positions in `items` that hold fields, in focus order.
    public var fieldIndices: [Int] {
        items.indices.filter { if case .field = items[$0] { return true } else { return false } }
    }

    public var fields: [FormField] {
        items.compactMap { if case .field(let f) = $0 { return f } else { return nil } }
    }

    public var focusedField: FormField? {
        let indices = fieldIndices
        guard focus < indices.count, case .field(let f) = items[indices[focus]] else { return nil }
        return f
    }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    /// Values by field id, for the app to validate and save.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.input.text) }, uniquingKeysWith: { a, _ in a })
    }

    public func focusingNext() -> FormState { focusing(focus + 1) }
    public func focusingPrevious() -> FormState { focusing(focus - 1) }

    /// Focus wraps around at both ends, as Tab does in most forms.
    public func focusing(_ index: Int) -> FormState {
        let count = fieldIndices.count
        guard count > 0 else { return self }
        var copy = self
        copy.focus = ((index % count) + count) % count
        return copy
    }

    /// Changes one field by id.
    public func updating(_ id: String, _ change: (inout FormField) -> Void) -> FormState {
        var copy = self
        for i in copy.items.indices {
            if case .field(var f) = copy.items[i], f.id == id {
                change(&f)
                copy.items[i] = .field(f)
            }
        }
        return copy
    }

    /// Tab and Shift-Tab move focus; editing keys go to the focused field, clearing its error.
    /// Returns nil for keys the form does not use (Enter, Esc), for the caller to handle.
    public func handling(_ key: Key) -> FormState? {
        switch key {
        case .tab, .down: return focusingNext()
        case .backTab, .up: return focusingPrevious()
        default:
            guard let current = focusedField, let edited = current.input.handling(key) else { return nil }
            return updating(current.id) {
                $0.input = edited
                $0.error = nil
            }
        }
    }
}
