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
        if let bytes = readRegularFile(path) { return bytes }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw InputError(message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// A regular file's bytes read straight into the array, or nil to leave the file (and the
    /// wording of any error) to Foundation. Mapping the file and copying it into an array touched
    /// every page twice, which for a 70 MB export took longer than parsing a tenth of it.
    private static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            while count < buffer.count {
                let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n == 0 { break }  // the file shrank since fstat: keep what is there
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
