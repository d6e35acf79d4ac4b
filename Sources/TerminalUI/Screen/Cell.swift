/// One column of the screen: a grapheme cluster, how many columns it takes, and its style.
///
/// A wide character (CJK, most emoji) occupies its own cell with width 2 and the cell to its right as a
/// continuation (empty grapheme, width 0), so the grid stays addressable by column.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: String, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    /// A blank cell keeping a style, used to fill and to clear half of a broken wide character.
    public static func blank(_ style: Style) -> Cell { Cell(" ", width: 1, style: style) }

    static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}

/// The glyphs used for lines, ellipsis and spinners, in Unicode or plain ASCII for terminals like
/// `linux` and `vt100` whose fonts lack box-drawing characters.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: Character
    public var barFull: Character
    public var barEmpty: Character
    public var spinner: [Character]
    public var mark: Character

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", barFull: "█", barEmpty: "░",
        spinner: ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"], mark: "●")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", barFull: "#", barEmpty: ".", spinner: ["|", "/", "-", "\\"], mark: "*")
}
