import SCIM
import TerminalUI

/// The form's whole-entry commands: add, remove and make primary an email / phone number /
/// address, and add a custom extension attribute. Each is one undo step.
extension UserFormState {
    /// The multi-valued entry under the focus, if the focus is in one.
    var focusedEntry: (attribute: String, index: Int)? {
        guard let id = form.focusedField?.id, let spec = specs[id] else { return nil }
        return EntryEditing.entry(of: spec.path)
    }

    /// Adds an entry to the attribute under the focus, or `attribute` when given; focuses its value.
    mutating func addEntry(to attribute: String? = nil) -> String? {
        guard let name = attribute ?? focusedEntry?.attribute else { return nil }
        let (updated, index) = EntryEditing.addingEntry(to: name, in: record)
        replaceRecord(updated, recordUndo: true)
        let first = UserFormFields.multiValued.first { $0.name == name }?.subs.first ?? "value"
        focus(fieldWithPath: JSONPath([.key(name), .index(index), .key(first)]))
        return name
    }

    mutating func removeFocusedEntry() -> (attribute: String, index: Int)? {
        guard let entry = focusedEntry,
            let updated = EntryEditing.removingEntry(entry.index, of: entry.attribute, in: record)
        else { return nil }
        replaceRecord(updated, recordUndo: true)
        return entry
    }

    mutating func makeFocusedEntryPrimary() -> (attribute: String, index: Int)? {
        guard let entry = focusedEntry,
            let updated = EntryEditing.makingPrimary(entry.index, of: entry.attribute, in: record)
        else { return nil }
        if updated != record { replaceRecord(updated, recordUndo: true) }
        return entry
    }

    /// Gives the attribute a field in its URN's section (made if new) and focuses it; the record
    /// changes only once a value is typed, so an attribute added by mistake leaves no trace.
    mutating func addExtensionAttribute(_ attribute: EntryEditing.ExtensionAttribute) {
        let urn = record.extensions.first { $0.urn.lowercased() == attribute.urn.lowercased() }?.urn ?? attribute.urn
        let path = JSONPath([.key(urn), .key(attribute.name)])
        if form.field(path.description) == nil {
            pending.append(EntryEditing.ExtensionAttribute(urn: urn, name: attribute.name))
            replaceRecord(record)
        }
        focus(fieldWithPath: path)
    }

    private mutating func focus(fieldWithPath path: JSONPath) {
        let id = path.description
        if let index = form.fields.firstIndex(where: { $0.id == id }) {
            form = form.focusing(index)
        }
    }
}
