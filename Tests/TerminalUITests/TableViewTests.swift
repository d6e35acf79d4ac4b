import TerminalUITesting
import XCTest
@testable import TerminalUI

private let people = ["Ada Lovelace", "Grace Hopper", "小林 花子", "Zoë 😀 Ångström", "Alan Turing"]

final class TableViewTests: XCTestCase {
    let theme = Theme.builtinDefault

    func testColumnsHeaderSelectionAndMarks() {
        let table = TableView(columns: [TableColumn("Name", width: .flexible()), TableColumn("#", width: .fixed(3), alignment: .right)], showMarks: true)
        var state = ListState().moved(by: 2, total: people.count, viewport: 4)
        state = state.togglingMark(total: people.count, viewport: 4) // marks row 2, moves to 3
        var buffer = ScreenBuffer(width: 24, height: 5)
        table.render(into: &buffer, area: buffer.bounds, state: state, total: people.count, theme: theme) { row, column in
            column == 0 ? people[row] : String(row + 1)
        }
        ScreenAssert.equal(buffer, """
          Name                 #
          Ada Lovelace         1
          Grace Hopper         2
        ● 小林 花子            3
          Zoë 😀 Ångström      4
        """)
        XCTAssertTrue(buffer[2, 4].style.attributes.contains(.reverse), "selected row is highlighted")
        XCTAssertFalse(buffer[2, 3].style.attributes.contains(.reverse))
        XCTAssertEqual(state.marks, [2])
    }

    func testARoleColoursOneCellAndKeepsTheSelection() {
        let table = TableView(columns: [TableColumn("Name", width: .fixed(14)), TableColumn("ok", width: .fixed(4))])
        var buffer = ScreenBuffer(width: 19, height: 3)
        table.render(into: &buffer, area: buffer.bounds, state: ListState(selected: 1), total: 2, theme: theme,
                     role: { row, column in column == 1 ? (row == 0 ? .error : .success) : nil }) { row, column in
            column == 0 ? people[row] : (row == 0 ? "no" : "yes")
        }
        XCTAssertEqual(buffer[15, 1].style.foreground, theme[.text].patched(with: theme[.error]).foreground)
        XCTAssertEqual(buffer[15, 2].style.foreground, theme[.text].patched(with: theme[.selection]).patched(with: theme[.success]).foreground)
        XCTAssertTrue(buffer[15, 2].style.attributes.contains(.reverse) == buffer[0, 2].style.attributes.contains(.reverse),
                      "the coloured cell keeps the selected row's look")
        XCTAssertEqual(buffer[0, 1].style, theme[.text], "other cells are as before")
    }

    func testNarrowTableCutsWithEllipsisAndKeepsWideCharactersWhole() {
        let table = TableView.list()
        var buffer = ScreenBuffer(width: 8, height: 5)
        table.render(into: &buffer, area: buffer.bounds, state: ListState(), total: people.count, theme: theme) { row, _ in people[row] }
        ScreenAssert.equal(buffer, """
        Ada Lov…
        Grace H…
        小林 花…
        Zoë 😀 …
        Alan Tu…
        """)
    }

    func testVirtualListAsksOnlyForVisibleRows() {
        let total = 1_000_000
        var asked = 0
        var state = ListState()
        let table = TableView.list()
        var buffer = ScreenBuffer(width: 20, height: 10)
        state = state.movedToBottom(total: total, viewport: 10)
        table.render(into: &buffer, area: buffer.bounds, state: state, total: total, theme: theme) { row, _ in
            asked += 1
            return "row \(row)"
        }
        XCTAssertEqual(asked, 10)
        XCTAssertEqual(buffer.lines().last, "row 999999")
        XCTAssertEqual(buffer.lines().first, "row 999990")
        state = state.moved(by: -10, total: total, viewport: 10)
        XCTAssertEqual(state.offset, 999_989, "scrolls by one row past the top of the page")
    }

    func testNavigationClampsAndPages() {
        var state = ListState()
        state = state.moved(by: -5, total: 100, viewport: 10)
        XCTAssertEqual(state.selected, 0)
        state = state.paged(1, total: 100, viewport: 10)
        XCTAssertEqual(state.selected, 9)
        XCTAssertEqual(state.offset, 0)
        state = state.moved(by: 1, total: 100, viewport: 10)
        XCTAssertEqual(state.offset, 1)
        state = state.handling("bottom", total: 100, viewport: 10) ?? state
        XCTAssertEqual(state.selected, 99)
        XCTAssertEqual(state.offset, 90)
        XCTAssertNil(state.handling("search", total: 100, viewport: 10))
        XCTAssertEqual(ListState().moved(by: 3, total: 0, viewport: 5).selected, 0)
    }

    func testIncrementalFilterNarrowsFromPreviousMatches() {
        var checked: [Int] = []
        let text: (Int) -> String = { checked.append($0); return people[$0] }
        var state = ListState().filtering("a", total: people.count, viewport: 5, text: text)
        XCTAssertEqual(state.filter.matches, [0, 1, 4], "å is not a")
        XCTAssertEqual(checked.count, 5)
        checked = []
        state = state.filtering("al", total: people.count, viewport: 5, text: text)
        XCTAssertEqual(state.filter.matches, [4])
        XCTAssertEqual(checked, [0, 1, 4], "only previous matches are re-checked")
        state = state.filtering("", total: people.count, viewport: 5, text: text)
        XCTAssertNil(state.filter.matches)
    }

    func testFilteredRenderAndEmptyText() {
        let table = TableView.list()
        var buffer = ScreenBuffer(width: 20, height: 3)
        var state = ListState().filtering("hopper", total: people.count, viewport: 3) { people[$0] }
        table.render(into: &buffer, area: buffer.bounds, state: state, total: people.count, theme: theme) { row, _ in people[row] }
        ScreenAssert.equal(buffer, "Grace Hopper")
        XCTAssertEqual(state.selectedSource(total: people.count), 1)
        state = state.filtering("zzz", total: people.count, viewport: 3) { people[$0] }
        table.render(into: &buffer, area: buffer.bounds, state: state, total: people.count, theme: theme) { row, _ in people[row] }
        ScreenAssert.equal(buffer, "(nothing to show)")
    }

    func testColumnLayoutSharesFlexibleSpace() {
        let columns = [TableColumn("a", width: .fixed(4)), TableColumn("b", width: .flexible(weight: 1)), TableColumn("c", width: .flexible(weight: 3))]
        XCTAssertEqual(TableView.layout(columns, width: 22), [4, 4, 12])
        XCTAssertEqual(TableView.layout(columns, width: 3).reduce(0, +) <= 3, true)
    }
}
