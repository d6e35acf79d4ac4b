import Provisioning
import TerminalUI

/// Draws the Connect screen: the form, the endpoint as parsed, and the last test's outcome.
struct ConnectView {
    var state: ConnectState
    var context: ScreenContext

    private var theme: Theme { context.theme }

    /// Returns where the cursor belongs (in the focused field).
    func render(into frame: inout ScreenBuffer, area: Rect) -> Point? {
        // The endpoint's parse and the test get at least ten rows, more when a failure's fix needs
        // them (the fix is what the person came for); the form scrolls to its focus in what is left.
        let sections = state.form.items.count - state.form.fields.count
        let formLines = state.form.items.count + max(0, sections - 1) + state.form.fields.filter { $0.error != nil }.count
        let valueWidth = max(0, area.width - 16)
        let below = 1 + endpointRows(width: valueWidth) + 1 + testLines(width: valueWidth).count
        let formHeight = min(formLines, max(7, area.height - max(10, below)))
        let (top, rest) = area.splitTop(formHeight)
        let cursor = FormView(labelWidth: 15).render(state.form, into: &frame, area: top.inset(by: 0), theme: theme)
        var y = rest.y + 1
        let width = rest.width
        y = drawEndpoint(into: &frame, x: rest.x, y: y, width: width)
        y += 1
        drawTest(into: &frame, x: rest.x, y: y, width: width, bottom: rest.maxY)
        return cursor
    }

    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    private func drawEndpoint(into frame: inout ScreenBuffer, x: Int, y: Int, width: Int) -> Int {
        frame.draw("Endpoint", x: x, y: y, width: 15, style: style(.title))
        let valueX = x + 16
        let valueWidth = max(0, width - 16)
        switch state.parsedEndpoint {
        case nil:
            frame.draw("paste the URL to see its cloud, version, service principal and job", x: valueX, y: y,
                       width: valueWidth, style: style(.muted))
            return y + 1
        case .failure(let error)?:
            let lines = TextWrap.wrap("✗ " + error.description, width: max(1, valueWidth))
            for (i, line) in lines.prefix(2).enumerated() {
                frame.draw(line, x: valueX, y: y + i, width: valueWidth, style: style(.error))
            }
            return y + min(2, lines.count)
        case .success(let endpoint)?:
            let rows = [
                ("cloud", endpoint.cloud.displayName + (endpoint.graphBase.map { " via \($0)" } ?? "")),
                ("version", endpoint.version.rawValue),
                ("service principal", endpoint.servicePrincipalId),
                ("job", endpoint.jobId),
            ]
            frame.draw("✓", x: valueX, y: y, width: 1, style: style(.success))
            for (i, row) in rows.enumerated() {
                frame.drawSpans([Span(row.0.padding(18), style: style(.muted)), Span(row.1, style: theme[.text])],
                                x: valueX + 2, y: y + i, width: valueWidth - 2)
            }
            return y + rows.count
        }
    }

    /// Rows the endpoint's parse takes (see `drawEndpoint`).
    private func endpointRows(width: Int) -> Int {
        switch state.parsedEndpoint {
        case nil: return 1
        case .failure(let error)?: return min(2, TextWrap.wrap("✗ " + error.description, width: max(1, width)).count)
        case .success?: return 4
        }
    }

    private func drawTest(into frame: inout ScreenBuffer, x: Int, y: Int, width: Int, bottom: Int) {
        frame.draw("Test", x: x, y: y, width: 15, style: style(.title))
        let valueX = x + 16
        let valueWidth = max(0, width - 16)
        if case .running = state.test {
            context.spinner.render(label: "getting a token and reading the job…", into: &frame, at: Point(x: valueX, y: y),
                           width: valueWidth, theme: theme)
            return
        }
        for (i, line) in testLines(width: valueWidth).enumerated() where y + i < bottom {
            frame.draw(line.0, x: valueX, y: y + i, width: valueWidth, style: style(line.1))
        }
    }

    /// The test's outcome as wrapped lines; one line (the spinner) while it runs.
    private func testLines(width: Int) -> [(String, ThemeRole)] {
        let width = max(1, width)
        switch state.test {
        case .idle:
            return [(state.missing ?? "Press ctrl-t to get a token and read the job's state.", state.missing == nil ? .text : .muted)]
        case .running:
            return [("", .text)]
        case .finished(.connected(let report)):
            return [("✓ Signed in (token valid until \(report.tokenExpiry)). Job state: \(report.jobState)",
                     report.processesUploads ? .success : .warning)]
                // A quarantine's health lines say it better than the one-line advice.
                + (report.job?.code == "Quarantine" ? [] : TextWrap.wrap(report.advice, width: width).map { ($0, .text) })
                + ConnectPreflightLines.permissions(report.permissions, width: width)
                + ConnectPreflightLines.health(report.job, jobId: report.jobId, now: context.clock, width: width)
        case .finished(.failed(let problem)):
            return [("✗ " + problem.headline, .error)]
                + TextWrap.wrap(problem.explanation, width: width).map { ($0, .text) }
                + TextWrap.wrap("Fix: " + problem.fix, width: width).map { ($0, .accent) }
                + ConnectPreflightLines.permissions(problem.permissions, width: width)
        }
    }
}

extension String {
    /// Pads with spaces to `width` columns (never cuts).
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth))
    }
}
