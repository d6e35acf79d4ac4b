import SCIM

extension InputLoader {
    /// CSV goes through the mapping file when one is given, else columns named like SCIM paths map themselves.
    static func loadCSV(path: String, bytes: [UInt8], mappingPath: String?, extensionURN: String?) throws(InputLoadError) -> LoadedInput {
        var mapping: CSVMapping?
        if let mappingPath {
            do {
                mapping = try MappingFile.load(path: mappingPath)
            } catch {
                let position = error.line.map { SourcePosition(line: $0, column: error.column ?? 1) }
                throw InputLoadError(path: mappingPath, error: InputError(message: error.message, position: position))
            }
        }
        do {
            let result = try CSVConverter().convert(bytes, mapping: mapping, extensionURN: extensionURN)
            return LoadedInput(path: path, bytes: bytes, result: result)
        } catch {
            throw InputLoadError(path: path, error: InputError(message: error.message, position: error.position, offset: error.offset))
        }
    }
}
