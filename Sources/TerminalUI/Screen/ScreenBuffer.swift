/// A grid of cells that a frame is drawn into before any of it reaches a terminal.
///
/// Widgets draw the whole frame from state every time; the terminal compares buffers and sends only
/// what changed. The buffer keeps wide characters consistent: writing over either half of one blanks
/// the other half, so no stray half-glyph can survive.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var size: Size
    private(set) var cells: [Cell]
    /// The glyph set widgets use for lines and ellipsis; ASCII on terminals without line drawing.
    public var glyphs: Glyphs

    public init(size: Size, glyphs: Glyphs = .unicode, fill: Cell = .blank) {
        self.size = size
        self.glyphs = glyphs
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.init(size: Size(width: width, height: height), glyphs: glyphs)
    }

    public var bounds: Rect { Rect(size: size) }

    /// The cell at a column and row; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Copies whole rows of another buffer of the same width (a screen drawn at a smaller height
    /// for a split view) to `y`.
    public mutating func copyRows(_ rows: Range<Int>, of other: ScreenBuffer, to y: Int) {
        guard other.size.width == size.width else { return }
        for (n, source) in rows.enumerated() where source >= 0 && source < other.size.height && y + n >= 0 && y + n < size.height {
            let width = size.width
            cells.replaceSubrange(((y + n) * width)..<((y + n + 1) * width), with: other.row(source))
        }
    }

    /// One row as an array of cells, for diffing and flushing.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Writes one already-sanitised grapheme; returns the columns it took (0 when it did not fit).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style) -> Int {
        put(String(character), width: DisplayWidth.of(character), x: x, y: y, style: style)
    }

    @discardableResult
    mutating func put(_ grapheme: String, width: Int, x: Int, y: Int, style: Style) -> Int {
        guard width > 0, y >= 0, y < size.height, x >= 0, x + width <= size.width else { return 0 }
        let index = y * size.width + x
        breakWide(at: index, x: x)
        if width == 2 {
            breakWide(at: index + 1, x: x + 1)
            cells[index] = Cell(grapheme, width: 2, style: style)
            cells[index + 1] = .continuation(style)
        } else {
            cells[index] = Cell(grapheme, width: 1, style: style)
        }
        return width
    }

    /// The fast path for printable ASCII, which is most of what is drawn: no clusters, no widths.
    mutating func putASCII(_ byte: UInt8, x: Int, y: Int, style: Style) {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return }
        let index = y * size.width + x
        if cells[index].width != 1 { breakWide(at: index, x: x) }
        cells[index] = Cell(ScreenBuffer.asciiGraphemes[Int(byte)], width: 1, style: style)
    }

    /// One preallocated string per ASCII byte, so drawing ASCII allocates nothing.
    static let asciiGraphemes: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Before a cell is overwritten, blanks the other half of any wide character it belongs to.
    private mutating func breakWide(at index: Int, x: Int) {
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cell.width == 2, x + 1 < size.width {
            cells[index + 1] = .blank(cell.style)
        }
    }

    /// Changes the style of cells without touching their text, e.g. to highlight a search match.
    public mutating func restyle(_ area: Rect, with style: Style) {
        let clip = area.intersection(bounds)
        guard !clip.isEmpty else { return }
        for y in clip.y..<clip.maxY {
            for x in clip.x..<clip.maxX {
                let i = y * size.width + x
                cells[i].style = cells[i].style.patched(with: style)
            }
        }
    }

    /// Resizes the grid, keeping what fits in the top-left corner.
    public mutating func resize(to newSize: Size) {
        guard newSize != size else { return }
        var next = ScreenBuffer(size: newSize, glyphs: glyphs)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) {
                let cell = self[x, y]
                if cell.width == 2 && x + 1 >= newSize.width { continue }
                next.cells[y * newSize.width + x] = cell
            }
        }
        self = next
    }

    /// The grid as text, one line per row with trailing spaces removed: what a person would see.
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation { line += cell.grapheme }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var plainText: String { lines().joined(separator: "\n") }
}
