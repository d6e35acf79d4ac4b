/// What to draw when the terminal is smaller than a screen needs.
///
/// Laying a screen out into too little room gives garbage; a plain message the user can act on is
/// better, and it must itself survive any size down to 1×1.
public enum TooSmall {
    /// The message shown, e.g. "terminal too small (need 60×16)".
    public static func message(minimum: Size) -> String {
        "terminal too small (need \(minimum.width)×\(minimum.height))"
    }

    /// Clears the buffer and draws the message word-wrapped and centred, cut with an ellipsis if even
    /// that does not fit.
    public static func render(into buffer: inout ScreenBuffer, minimum: Size, style: Style = .plain) {
        buffer.fill(buffer.bounds, style: style)
        let width = buffer.size.width, height = buffer.size.height
        guard width > 0, height > 0 else { return }
        var lines = TextWrap.wrap(message(minimum: minimum), width: width)
        if lines.count > height {
            // The last row gets everything left over, so the ellipsis shows that the message goes on.
            let rest = lines[(height - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(height - 1)) + [rest]
        }
        let top = (height - lines.count) / 2
        for (i, line) in lines.enumerated() {
            let w = min(line.displayWidth, width)
            buffer.draw(line, x: (width - w) / 2, y: top + i, width: width, style: style)
        }
    }

    /// Draws the message when `buffer` is below `minimum` and returns true; otherwise leaves it alone
    /// so the caller draws its screen.
    public static func guardMinimum(_ buffer: inout ScreenBuffer, minimum: Size, style: Style = .plain) -> Bool {
        if buffer.size.fits(minimum) { return false }
        render(into: &buffer, minimum: minimum, style: style)
        return true
    }
}
