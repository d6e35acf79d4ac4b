/// Why an input could not be read at all (as opposed to diagnostics about what was read).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?
    public var offset: Int?

    public init(message: String, position: SourcePosition? = nil, offset: Int? = nil) {
        self.message = message
        self.position = position
        self.offset = offset
    }

    public init(_ error: JSONParseError) {
        self.init(message: error.message, position: error.position, offset: error.offset)
    }

    /// `LINE:COL: message`, or the message alone; the caller puts the file name in front.
    public var description: String {
        position.map { "\($0): \(message)" } ?? message
    }
}
