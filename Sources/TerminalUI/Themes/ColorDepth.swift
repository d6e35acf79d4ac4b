/// How many colours a terminal shows, from none to 24-bit.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case none = 0, ansi8, ansi16, indexed256, trueColor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

extension Color {
    /// This colour as the best match a terminal of `depth` can show; `nil` when it shows no colour
    /// at all. Truecolor → 256 → 16 → 8, each step picking the nearest colour by distance in RGB.
    public func degraded(to depth: ColorDepth) -> Color? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.terminalDefault, _): return self
        case (_, .trueColor): return self
        case (.rgb(let r, let g, let b), .indexed256): return .indexed(Palette.nearest256(r, g, b))
        case (.rgb(let r, let g, let b), _): return Color.ansi(Palette.nearestANSI(r, g, b, count: 16)).degraded(to: depth)
        case (.indexed(let n), .indexed256): return .indexed(n)
        case (.indexed(let n), _):
            if n < 16 { return Color.ansi(n).degraded(to: depth) }
            let (r, g, b) = Palette.rgb(ofIndex: n)
            return Color.ansi(Palette.nearestANSI(r, g, b, count: depth == .ansi8 ? 8 : 16))
        case (.ansi(let n), .ansi8): return .ansi(n % 8)
        case (.ansi, _): return self
        }
    }

    /// The terminal colour number for this colour at `depth`: -1 for the terminal default, a
    /// palette index, or a packed 0xRRGGBB for direct-colour terminals.
    public func colorNumber(for depth: ColorDepth) -> Int32 {
        guard let color = degraded(to: depth) else { return -1 }
        switch color {
        case .terminalDefault: return -1
        case .ansi(let n), .indexed(let n):
            if depth == .trueColor {
                let (r, g, b) = Palette.rgb(ofIndex: n)
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            }
            return Int32(n)
        case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }
}

/// The xterm palette, used to find the nearest colour when a terminal has fewer.
enum Palette {
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex n: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(n)
        if i < 16 { return ansi[i] }
        if i >= 232 {
            let v = UInt8(8 + (i - 232) * 10)
            return (v, v, v)
        }
        let c = i - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        // Weighted for the eye's sensitivity, cheap and good enough to pick among few colours.
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(v)) < abs(cubeLevels[$1] - Int(v)) } ?? 0
        }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let grey = 232 + min(23, max(0, (Int(r) + Int(g) + Int(b)) / 3 - 3) / 10)
        let target = (r, g, b)
        let cubeIndex = UInt8(cube), greyIndex = UInt8(grey)
        return distance(rgb(ofIndex: greyIndex), target) < distance(rgb(ofIndex: cubeIndex), target) ? greyIndex : cubeIndex
    }

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> UInt8 {
        let target = (r, g, b)
        let best = (0..<count).min { distance(ansi[$0], target) < distance(ansi[$1], target) } ?? 0
        return UInt8(best)
    }
}
