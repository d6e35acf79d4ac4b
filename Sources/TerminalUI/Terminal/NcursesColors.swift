import CNcurses

/// Allocates ncurses colour pairs on demand, one per (foreground, background) actually drawn.
///
/// Themes use a handful of combinations, far below any terminal's pair limit; if the limit is ever
/// reached the pair falls back to the terminal's defaults rather than failing.
struct NcursesColors {
    let depth: ColorDepth
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(depth: ColorDepth) { self.depth = depth }

    mutating func attributesAndPair(for style: Style) -> (attr_t, Int32) {
        var attributes = scimterm_a_normal()
        if style.attributes.contains(.bold) { attributes |= scimterm_a_bold() }
        if style.attributes.contains(.dim) { attributes |= scimterm_a_dim() }
        if style.attributes.contains(.italic) { attributes |= scimterm_a_italic() }
        if style.attributes.contains(.underline) { attributes |= scimterm_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= scimterm_a_reverse() }
        return (attributes, pair(for: style))
    }

    private mutating func pair(for style: Style) -> Int32 {
        guard depth > .none else { return 0 }
        let key = PairKey(
            foreground: (style.foreground ?? .terminalDefault).colorNumber(for: depth),
            background: (style.background ?? .terminalDefault).colorNumber(for: depth))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard nextPair < min(scimterm_color_pairs(), 65_535) else { return 0 }
        let number = nextPair
        guard init_extended_pair(number, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
