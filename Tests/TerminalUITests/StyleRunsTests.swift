import TerminalUI
import TerminalUITesting
import XCTest

final class StyleRunsTests: XCTestCase {
    func testRunsAreNamedByTheirRoleAndSpacesBetweenRunsStayOutside() {
        let theme = Theme.builtinDefault
        var buffer = ScreenBuffer(width: 40, height: 2)
        buffer.drawSpans([Span("ok ", style: theme[.text]), Span("2 errors", style: theme[.error]), Span("  ", style: theme[.text]),
                          Span("1 warning", style: theme[.warning])], x: 0, y: 0)
        // A dialog patches the background; the role is still told by its colour.
        buffer.draw("failed", x: 2, y: 1, style: theme[.dialog].patched(with: theme[.error]))
        XCTAssertEqual(StyleRuns.rows(buffer, theme: theme, roles: [.error, .warning]),
                       ["ok [error]2 errors[/]  [warning]1 warning[/]", "  [error]failed[/]"])
        XCTAssertEqual(StyleRuns.runs(of: .error, in: buffer, theme: theme), ["2 errors", "failed"])
    }
}
