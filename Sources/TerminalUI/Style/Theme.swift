/// Styles by semantic role, as loaded from `Themes/*.toml`.
public struct Theme: Sendable, Hashable {
    /// The theme's name (file stem).
    public var name: String
    /// A style for every role in ``ThemeRole/all``.
    public private(set) var styles: [ThemeRole: CellStyle]

    /// A theme from explicit styles; roles it lacks fall back to `fallback`.
    public init(name: String, styles: [ThemeRole: CellStyle], fallback: [ThemeRole: CellStyle] = [:]) {
        self.name = name
        var merged = fallback
        for (k, v) in styles { merged[k] = v }
        self.styles = merged
    }

    /// The style of a role; plain when the theme does not define it.
    public subscript(role: ThemeRole) -> CellStyle { styles[role] ?? .plain }

    /// This theme as the terminal can show it: without colour (NO_COLOR or no colour support,
    /// keeping bold/reverse so selection and banners still stand out) or with 256-palette colours
    /// folded into the 8 basic ones.
    public func adapted(to support: ColorSupport) -> Theme {
        var copy = self
        for (role, style) in styles {
            var s = style
            switch support {
            case .none:
                s.foreground = .default; s.background = .default
            case .basic8:
                s.foreground = s.foreground.basic; s.background = s.background.basic
            case .basic16:
                if case .indexed = s.foreground { s.foreground = s.foreground.basic }
                if case .indexed = s.background { s.background = s.background.basic }
            case .palette256:
                break
            }
            copy.styles[role] = s
        }
        return copy
    }
}

/// How many colours the terminal can show.
public enum ColorSupport: Sendable, Hashable {
    /// Monochrome, or the user asked for NO_COLOR.
    case none
    case basic8
    case basic16
    case palette256

    /// Decides from the terminal's colour count and the environment (NO_COLOR set and non-empty
    /// means no colour, per no-color.org).
    public static func detect(colors: Int, environment: [String: String]) -> ColorSupport {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .basic16 }
        if colors >= 8 { return .basic8 }
        return .none
    }
}
