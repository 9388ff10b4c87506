/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or a 256-palette index.
public enum TerminalColor: Sendable, Hashable {
    /// Whatever the terminal uses when nothing is set.
    case `default`
    /// 0–15: black, red, green, yellow, blue, magenta, cyan, white, then the bright ones.
    case ansi(UInt8)
    /// 16–255 of the xterm palette.
    case indexed(UInt8)

    /// Names a theme file may use.
    public static let names: [String: TerminalColor] = [
        "default": .default, "black": .ansi(0), "red": .ansi(1), "green": .ansi(2), "yellow": .ansi(3),
        "blue": .ansi(4), "magenta": .ansi(5), "cyan": .ansi(6), "white": .ansi(7),
        "bright-black": .ansi(8), "gray": .ansi(8), "grey": .ansi(8), "bright-red": .ansi(9),
        "bright-green": .ansi(10), "bright-yellow": .ansi(11), "bright-blue": .ansi(12),
        "bright-magenta": .ansi(13), "bright-cyan": .ansi(14), "bright-white": .ansi(15),
    ]

    /// The nearest of the 8 basic colours, for terminals without 256 colours.
    public var basic: TerminalColor {
        switch self {
        case .default: return .default
        case let .ansi(n): return .ansi(n % 8)
        case let .indexed(n): return .ansi(TerminalColor.nearestBasic(index: n))
        }
    }

    /// Maps a 256-palette index to the closest of the 8 basic colours by its RGB channels.
    static func nearestBasic(index n: UInt8) -> UInt8 {
        if n < 16 { return n % 8 }
        if n >= 232 {
            // grey ramp: dark greys read as black, light as white
            return n < 244 ? 0 : 7
        }
        let v = Int(n) - 16
        let r = v / 36, g = (v / 6) % 6, b = v % 6
        // a channel counts as "on" when it is in the brighter half of the cube
        let on = { (c: Int) -> Int in c >= 3 ? 1 : 0 }
        var bits = on(r) | on(g) << 1 | on(b) << 2
        if bits == 0 {
            // dark but coloured: keep the strongest channel rather than collapsing to black
            let m = max(r, g, b)
            if m >= 2 { bits = (r == m ? 1 : 0) | (g == m ? 2 : 0) | (b == m ? 4 : 0) }
        }
        return UInt8(bits)
    }
}

/// How one cell looks: colours and attributes, already resolved from a theme role.
public struct CellStyle: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    /// A style; all plain by default.
    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
                dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground; self.background = background; self.bold = bold; self.dim = dim
        self.underline = underline; self.reverse = reverse
    }

    /// Default colours, no attributes.
    public static let plain = CellStyle()
}
