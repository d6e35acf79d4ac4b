import Foundation

/// Reads an input file's bytes, turning every way that can fail into one clear sentence.
public enum InputFile {
    /// Refuse files that could not possibly be an HR export, before reading them into memory.
    public static let maxBytes = 2 << 30

    public static func read(path: String) throws(InputError) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(message: "is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(message: "permission denied") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw InputError(message: "file is \(size) bytes; scimterm reads at most \(maxBytes)")
        }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw InputError(message: "cannot read: \(error.localizedDescription)")
        }
    }
}
