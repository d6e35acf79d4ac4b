import SCIM

extension InputLoader {
    static func loadCSV(path: String, bytes: [UInt8], mappingPath: String?, extensionURN: String?) throws(InputLoadError) -> LoadedInput {
        throw InputLoadError(path: path, error: InputError(message: "CSV: wiring in progress"))
    }
}
