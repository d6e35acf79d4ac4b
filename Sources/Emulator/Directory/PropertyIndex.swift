/// One directory property's values (without case) → the key of the user that holds each, kept with
/// every change so that a lookup costs O(1), not a scan of the directory: the userPrincipalName
/// (clash check) and the matching attribute (which a PUT schema can change).
struct PropertyIndex: Sendable {
    private(set) var property: String
    private var owners: [String: String] = [:]

    init(property: String) {
        self.property = property
    }

    /// An index of another property, filled from the users.
    init(property: String, users: [String: DirectoryUser]) {
        self.property = property
        for (key, user) in users {
            if let value = user.properties[property] { owners[value.lowercased()] = key }
        }
    }

    /// The key of the user holding the value, if any.
    func owner(of value: String) -> String? { owners[value.lowercased()] }

    /// Moves the user's entry from the old properties' value to the new one.
    mutating func move(key: String, from old: [String: String]?, oldKey: String, to new: [String: String]?) {
        if let before = old?[property]?.lowercased(), owners[before] == oldKey { owners[before] = nil }
        if let after = new?[property]?.lowercased() { owners[after] = key }
    }
}
