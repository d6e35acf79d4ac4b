import Mapping
import SCIM
import TerminalUI

/// "What Entra will set" for one user: per attribute mapping, the target attribute, the computed
/// value (or why nothing flows), the flow type and the expression or source attribute it came from,
/// the matching attribute starred. The first line names where the mapping came from and its age,
/// so a cached schema is never shown as the job's current one. Drawn under the user form (F6) and
/// in Preview (`e`).
struct ComputedUserView {
    var computed: ComputedUser
    /// `EntraMapping.label(now:)`: "job schema read 3 min ago", "from schema.json …", "Microsoft's default mapping …".
    var source: String
    var context: ScreenContext
    /// The first attribute shown (Preview scrolls; the form shows the top).
    var top = 0
    /// What the last line says when attributes are left out.
    var moreHint = "Preview's e shows them all"
    /// "Check with Entra" for this user as it is now: a header line and, once answered, a mark per row.
    var check: EntraCheck.Shown?
    /// The key that checks again, as the stale line names it.
    var checkKey = "F7"

    private func style(_ role: ThemeRole) -> Style { context.style(role) }

    /// Rows the attributes take in `area` (the area less its title line, and the check's line when shown).
    static func rows(in area: Rect, checked: Bool = false) -> Int { max(0, area.height - 1 - (checked ? 1 : 0)) }

    func render(into frame: inout ScreenBuffer, area: Rect) {
        guard area.height >= 1, area.width > 4 else { return }
        frame.horizontalLine(x: area.x, y: area.y, width: area.width, style: style(.border))
        // The source must stay whole (it says how far to trust the values): the title gives way first.
        let title = 21 + 2 + source.displayWidth < area.width - 2 ? " What Entra will set " : " Entra sets "
        frame.drawSpans([Span(title, style: style(.title)), Span("· \(source) ", style: style(.muted))],
                        x: area.x + 1, y: area.y, width: area.width - 2)
        let rows = Self.rows(in: area, checked: check != nil)
        let first = area.y + 1 + (check != nil ? 1 : 0)
        if let check, area.height > 1 { drawCheckHeader(check, into: &frame, x: area.x + 1, y: area.y + 1, width: area.width - 2) }
        let shown = computed.attributes.dropFirst(top).prefix(rows)
        let columns = Columns(width: area.width - 2, flow: computed.attributes.map(\.flowType.displayWidth).max() ?? 6)
        for (n, attribute) in shown.enumerated() {
            let last = n == rows - 1 && top + rows < computed.attributes.count
            let y = first + n
            if last {
                let more = computed.attributes.count - top - n
                frame.draw("… \(more) more mapping\(more == 1 ? "" : "s") (\(moreHint))", x: area.x + 1, y: y,
                           width: area.width - 2, style: style(.muted))
            } else {
                frame.drawSpans(spans(attribute, columns, verdict: verdict(at: top + n)), x: area.x + 1, y: y, width: area.width - 2)
            }
        }
    }

    /// One attribute's line: ★ target, value, flow type, source; with a check, its mark first and
    /// Entra's own value in place of the source where they disagree.
    private func spans(_ attribute: ComputedAttribute, _ columns: Columns, verdict: ExpressionCheck.Verdict?) -> [Span] {
        let matching = attribute.matchingPriority > 0
        let (value, role) = Self.value(attribute)
        var line = [Span(matching ? "★ " : "  ", style: style(.accent))]
        if let verdict {
            let (mark, markRole) = Self.mark(verdict)
            line.append(Span(mark + " ", style: style(markRole)))
        }
        line += [
            Span(Self.fit(attribute.targetAttributeName, columns.target), style: style(matching ? .accent : .text)),
            Span(Self.fit(value, columns.value), style: style(role)),
            Span(Self.fit(attribute.flowType, columns.flow), style: style(.muted)),
        ]
        if let verdict, let entra = Self.entraSays(verdict) { return line + [Span(entra, style: style(.error))] }
        return line + [Span("← " + attribute.sourceText, style: style(.muted))]
    }

    /// The value as shown and its colour: "does not flow: …" and "fails: …" say why nothing is set.
    static func value(_ attribute: ComputedAttribute) -> (String, ThemeRole) {
        switch attribute.outcome {
        case .value(.null), .null: return ("does not flow: no value", .muted)
        case .ignored: return ("does not flow: IgnoreFlowIfNullOrEmpty", .muted)
        case .failed(let message): return ("fails: " + message, .error)
        case .defaulted(let text): return (text + " (default, on create)", .warning)
        case .value: return (attribute.valueText + (attribute.isDeterministic ? "" : " (varies)"), .success)
        }
    }

    /// Pads or cuts (with …) to exactly `width` columns, one blank kept as the gap.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 1 else { return "" }
        let room = width - 1
        if text.displayWidth <= room { return text + String(repeating: " ", count: room - text.displayWidth + 1) }
        var out = ""
        for c in text {
            if (out + String(c)).displayWidth > room - 1 { break }
            out.append(c)
        }
        return out + "…" + String(repeating: " ", count: max(0, room - out.displayWidth - 1) + 1)
    }

    /// Column widths: the target fixed, the flow type as wide as its longest, the value the larger
    /// share of the rest (it is what is read), the source what is left.
    struct Columns {
        var target: Int, value: Int, flow: Int
        init(width: Int, flow longest: Int) {
            target = 19
            flow = min(18, longest + 2)
            value = max(10, (width - 2 - target - flow) * 3 / 5)
        }
    }
}
