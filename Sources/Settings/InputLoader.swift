import SCIM

/// What a command or screen gets from "open this file": the bytes (for line:column), the records,
/// and the problems found while reading.
public struct LoadedInput: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var result: InputReadResult

    public var records: [UserRecord] { result.records }

    /// Validation of what was read, positioned in the file.
    public func validate(with validator: Validator = Validator()) -> [Diagnostic] {
        switch result.format {
        case .csv: return validator.recordDiagnostics(result.records, after: result.diagnostics)
        case .json, .jsonSequence: return validator.validate(result, bytes: bytes)
        }
    }
}

/// Why a file could not be loaded at all.
public struct InputLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var error: InputError

    public var description: String { "\(path):\(error.position.map { "\($0):" } ?? "") \(error.message)" }
}

/// Opens any input a user brings: JSON in every shape `PayloadReader` knows, or CSV with a mapping.
public enum InputLoader {
    public static func load(path: String, mappingPath: String? = nil, extensionURN: String? = nil) throws(InputLoadError) -> LoadedInput {
        try load(path: path, bytes: read(path), mappingPath: mappingPath, extensionURN: extensionURN)
    }

    public static func read(_ path: String) throws(InputLoadError) -> [UInt8] {
        do {
            return try InputFile.read(path: path)
        } catch {
            throw InputLoadError(path: path, error: error)
        }
    }

    /// The same for bytes already read (`path` names them in messages).
    public static func load(path: String, bytes: [UInt8], mappingPath: String? = nil, extensionURN: String? = nil) throws(InputLoadError) -> LoadedInput {
        try refuseEmpty(path: path, bytes: bytes)
        if PayloadReader.looksLikeJSON(bytes) {
            do {
                return LoadedInput(path: path, bytes: bytes, result: try PayloadReader.read(json: bytes))
            } catch {
                throw InputLoadError(path: path, error: error)
            }
        }
        return try loadCSV(path: path, bytes: bytes, mappingPath: mappingPath, extensionURN: extensionURN)
    }

    /// Blank space or `null` lines are no CSV of empty users: one clear error instead.
    static func refuseEmpty(path: String, bytes: [UInt8]) throws(InputLoadError) {
        if let problem = EmptyInput.problem(bytes) { throw InputLoadError(path: path, error: problem) }
    }
}
