import SCIM

extension InputLoader {
    /// CSV goes through the mapping file when one is given, else columns named like SCIM paths map themselves.
    static func loadCSV(path: String, bytes: [UInt8], mappingPath: String?, extensionURN: String?) throws(InputLoadError) -> LoadedInput {
        let mapping = try loadMapping(mappingPath)
        do {
            let result = try CSVConverter().convert(bytes, mapping: mapping, extensionURN: extensionURN)
            return LoadedInput(path: path, bytes: bytes, result: result)
        } catch {
            throw InputLoadError(path: path, error: InputError(message: error.message, position: error.position, offset: error.offset))
        }
    }

    static func loadMapping(_ mappingPath: String?) throws(InputLoadError) -> CSVMapping? {
        guard let mappingPath else { return nil }
        do {
            return try MappingFile.load(path: mappingPath)
        } catch {
            let position = error.line.map { SourcePosition(line: $0, column: error.column ?? 1) }
            throw InputLoadError(path: mappingPath, error: InputError(message: error.message, position: position))
        }
    }

    /// For CSV bytes, writes the BulkRequest JSON Lines through `write` as rows are read and returns
    /// the summary; nil when the bytes are JSON (the caller then loads them whole).
    public static func emitCSV(path: String, bytes: [UInt8], mappingPath: String?, extensionURN: String?, builder: BulkRequestBuilder,
                               write: ([UInt8]) -> Void) throws(InputLoadError) -> CSVBulkEmitter.Summary? {
        try refuseEmpty(path: path, bytes: bytes)
        if PayloadReader.looksLikeJSON(bytes) { return nil }
        let mapping = try loadMapping(mappingPath)
        do {
            return try CSVBulkEmitter(builder: builder).emit(bytes, mapping: mapping, extensionURN: extensionURN, write: write)
        } catch {
            throw InputLoadError(path: path, error: InputError(message: error.message, position: error.position, offset: error.offset))
        }
    }
}
