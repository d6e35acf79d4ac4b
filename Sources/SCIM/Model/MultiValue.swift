/// One element of a multi-valued attribute (an email, a phone number, an address).
public struct MultiValue: Sendable, Hashable {
    public var object: JSONObject

    public init(_ object: JSONObject) { self.object = object }

    public init(value: String, type: String? = "work", primary: Bool? = nil) {
        var o = JSONObject()
        o.append("value", .string(value))
        if let type { o.append("type", .string(type)) }
        if let primary { o.append("primary", .bool(primary)) }
        object = o
    }

    public var value: String? {
        get { object.attribute("value")?.stringValue }
        set { object.setAttribute("value", newValue.map { .string($0) }) }
    }

    public var type: String? {
        get { object.attribute("type")?.stringValue }
        set { object.setAttribute("type", newValue.map { .string($0) }) }
    }

    public var primary: Bool? {
        get { object.attribute("primary")?.boolValue }
        set { object.setAttribute("primary", newValue.map { .bool($0) }) }
    }
}
