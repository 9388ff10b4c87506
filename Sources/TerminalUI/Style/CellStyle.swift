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
        case .ansi(let n): return .ansi(n % 8)
        case .indexed(let n): return .ansi(TerminalColor.nearestBasic(index: n))
        }
    }

    /// Maps a 256-palette index to the closest of the 8 basic colours (xterm's RGB values,
    /// nearest by squared distance), so orange becomes yellow rather than red.
    static func nearestBasic(index n: UInt8) -> UInt8 {
        if n < 16 { return n % 8 }
        let rgb: (Int, Int, Int)
        if n >= 232 {
            let v = 8 + 10 * (Int(n) - 232)
            rgb = (v, v, v)
        } else {
            let levels = [0, 95, 135, 175, 215, 255]
            let v = Int(n) - 16
            rgb = (levels[v / 36], levels[(v / 6) % 6], levels[v % 6])
        }
        let basics = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
            (229, 229, 229),
        ]
        var best = 0
        var bestDistance = Int.max
        for (i, b) in basics.enumerated() {
            let d = (rgb.0 - b.0) * (rgb.0 - b.0) + (rgb.1 - b.1) * (rgb.1 - b.1) + (rgb.2 - b.2) * (rgb.2 - b.2)
            if d < bestDistance { bestDistance = d; best = i }
        }
        return UInt8(best)
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
    public init(
        foreground: TerminalColor = .default, background: TerminalColor = .default, bold: Bool = false,
        dim: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground; self.background = background; self.bold = bold; self.dim = dim
        self.underline = underline; self.reverse = reverse
    }

    /// Default colours, no attributes.
    public static let plain = CellStyle()
}
