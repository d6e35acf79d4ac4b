@testable import App
import Foundation
import SCIM
import XCTest

/// The workspace journal: what a keystroke appends, and what a restart after kill -9 rebuilds.
final class WorkspaceJournalTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scimterm-journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func user(_ name: String) -> UserRecord {
        UserRecord(data: ["externalId": .string(name), "userName": .string(name + "@contoso.com"), "displayName": .string(name)])
    }

    private func entries(_ names: [String]) -> [RecordEntry] {
        names.enumerated().map { RecordEntry(id: $0.offset + 1, record: user($0.element)) }
    }

    func testAnUntouchedSetHasNoChangeAndOneEditIsOneReplace() {
        let old = entries(["ann", "bob", "cy"])
        XCTAssertEqual(WorkspaceChange.between(old, old), [])
        var new = old
        new[1].record = user("bobby")
        XCTAssertEqual(WorkspaceChange.between(old, new), [.replace(position: 1, data: user("bobby").data)])
        var rebuilt = old
        rebuilt[2].record = user("cy")
        XCTAssertEqual(WorkspaceChange.between(old, rebuilt), [], "an equal record in new storage is no change")
    }

    func testRemovingTheFirstOrLastUserKeepsTheRestAsOneRun() {
        let old = entries(["ann", "bob", "cy", "dee"])
        XCTAssertEqual(WorkspaceChange.between(old, Array(old.dropFirst())), [.layout([.kept(from: 1, count: 3)])])
        XCTAssertEqual(WorkspaceChange.between(old, Array(old.dropLast())), [.layout([.kept(from: 0, count: 3)])])
        var swapped = old
        swapped.swapAt(1, 2)
        XCTAssertEqual(WorkspaceChange.between(old, swapped),
                       [.layout([.kept(from: 0, count: 1), .kept(from: 2, count: 1), .kept(from: 1, count: 1), .kept(from: 3, count: 1)])])
    }

    func testARemovalAndAnInsertionAreRunsOfTheOldListAndTheNewUser() {
        let old = entries(["ann", "bob", "cy", "dee"])
        var new = old
        new.remove(at: 1)
        new.insert(RecordEntry(id: 9, record: user("eve")), at: 2)
        XCTAssertEqual(WorkspaceChange.between(old, new),
                       [.layout([.kept(from: 0, count: 1), .kept(from: 2, count: 1), .added(user("eve").data), .kept(from: 3, count: 1)])])
    }

    func testAWholeNewFileIsTooBigToJournal() {
        let old = entries(["ann"])
        let new = (0...WorkspaceChange.inlineLimit).map { RecordEntry(id: 10 + $0, record: user("u\($0)")) }
        XCTAssertEqual(WorkspaceChange.between(old, new), [.stale])
    }

    /// The file as it would be on disk after a kill: the base file plus the journal's lines.
    func testReplayRebuildsEditsLayoutAndConnectionAfterTheBase() throws {
        let workspacePath = dir + "/workspace.json"
        let journalPath = WorkspaceJournal.path(for: workspacePath)
        let base = Workspace(records: ["ann", "bob", "cy"].map(user)).encoded()
        try SafeFile.writeAtomically(base, to: workspacePath)
        let journal = WorkspaceJournal()
        journal.start(path: journalPath, base: base)
        journal.append([.replace(position: 1, data: user("bobby").data)], generation: 1)
        journal.append([.layout([.added(user("zoe").data), .kept(from: 0, count: 1), .kept(from: 2, count: 1)])], generation: 2)
        journal.append([.connection(ConnectionDraft(tenant: "contoso.onmicrosoft.com", label: "PROD"))], generation: 3)

        let replayed = try XCTUnwrap(JournalLine.replay(try XCTUnwrap(SafeFile.read(journalPath)), onto: base))
        XCTAssertEqual(replayed.records.map(\.displayName), ["zoe", "ann", "cy"])
        XCTAssertEqual(replayed.connection.tenant, "contoso.onmicrosoft.com")
        XCTAssertEqual(replayed.connection.label, "PROD")
    }

    func testAFullSaveKeepsOnlyLaterLinesAndAnotherBaseIgnoresTheJournal() throws {
        let workspacePath = dir + "/workspace.json"
        let journalPath = WorkspaceJournal.path(for: workspacePath)
        let base = Workspace(records: ["ann", "bob"].map(user)).encoded()
        let journal = WorkspaceJournal()
        journal.start(path: journalPath, base: base)
        journal.append([.replace(position: 0, data: user("annie").data)], generation: 1)
        journal.append([.replace(position: 1, data: user("bobby").data)], generation: 2)
        // The autosave of generation 1 landed while generation 2 was being typed.
        let saved = Workspace(records: ["annie", "bob"].map(user)).encoded()
        journal.saved(base: saved, generation: 1)
        journal.append([.replace(position: 0, data: user("anna").data)], generation: 3)

        let bytes = try XCTUnwrap(SafeFile.read(journalPath))
        let replayed = try XCTUnwrap(JournalLine.replay(bytes, onto: saved))
        XCTAssertEqual(replayed.records.map(\.displayName), ["anna", "bobby"])
        XCTAssertNil(JournalLine.replay(bytes, onto: base), "a journal written after another file is not applied")
    }

    func testALineCutShortAndAStaleMarkStopTheReplay() throws {
        let base = Workspace(records: ["ann", "bob"].map(user)).encoded()
        var bytes = JournalLine.header(base: base)
        bytes += JournalLine.encode(.replace(position: 0, data: user("annie").data), generation: 1) + [0x0A]
        let cut = JournalLine.encode(.replace(position: 1, data: user("bobby").data), generation: 2)
        let replayed = try XCTUnwrap(JournalLine.replay(bytes + cut.dropLast(5), onto: base))
        XCTAssertEqual(replayed.records.map(\.displayName), ["annie", "bob"])

        bytes += JournalLine.encode(.stale, generation: 2) + [0x0A] + cut + [0x0A]
        XCTAssertEqual(try XCTUnwrap(JournalLine.replay(bytes, onto: base)).records.map(\.displayName), ["annie", "bob"])
    }
}
