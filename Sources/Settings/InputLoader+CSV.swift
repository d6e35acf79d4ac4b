import SCIM

extension InputLoader {
    /// CSV goes through the mapping file when one is given, else columns named like SCIM paths map themselves.
    static func loadCSV(path: String, bytes: [UInt8], mappingPath: String?, extensionURN: String?) throws(InputLoadError) -> LoadedInput {
        var mapping: CSVMapping?
        if let mappingPath {
            do {
                mapping = try MappingFile.load(path: mappingPath)
            } catch {
                throw InputLoadError(path: mappingPath, error: InputError(message: error.description.hasPrefix(mappingPath)
                    ? String(error.description.dropFirst(mappingPath.count + 1)) : error.description))
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
