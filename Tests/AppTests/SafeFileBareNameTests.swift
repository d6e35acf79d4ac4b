import App
import Foundation
import XCTest

/// A bare file name typed into a save dialog is written where scimterm runs (it was refused with
/// "cannot create :", the empty folder of a name without one).
final class SafeFileBareNameTests: XCTestCase {
    func testABareNameIsWrittenInTheCurrentFolder() throws {
        let folder = NSTemporaryDirectory() + "safefile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        defer {
            FileManager.default.changeCurrentDirectoryPath(previous)
            try? FileManager.default.removeItem(atPath: folder)
        }
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder))
        try SafeFile.writeAtomically(Array("{}".utf8), to: "preview.json")
        XCTAssertEqual(try String(contentsOfFile: folder + "/preview.json", encoding: .utf8), "{}")
    }
}
