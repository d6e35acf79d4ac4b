import Mapping

extension TUIApp {
    /// Reads `--schema FILE` into the state's mapping; a file that does not read is said in the
    /// status line and Microsoft's default mapping stays (labelled as such, never as the file's).
    static func loadSchema(_ path: String, into state: inout AppState) -> StatusMessage? {
        do {
            state.entraMapping = EntraMapping(origin: .file(path), schema: try SynchronizationSchema.load(path: path))
            return nil
        } catch {
            return StatusMessage("schema \(path) not read (Microsoft's default mapping is used): \(error.description)", .error)
        }
    }
}
