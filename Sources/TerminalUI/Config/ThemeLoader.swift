import TOMLKit

/// Reads themes: TOML with an optional `name` and a `[roles]` table of
/// `"role" = { fg = "green", bg = 236, bold = true, dim, underline, reverse }`.
public enum ThemeLoader {
    /// The names of the built-in themes.
    public static var builtinNames: [String] { BuiltinFiles.themes.keys.sorted() }

    /// The built-in default theme (always valid).
    public static var builtinDefault: Theme {
        // swiftlint:disable:next force_try
        try! parse(BuiltinFiles.themes["default"]!, file: "Themes/default.toml", fallback: [:])
    }

    /// Parses theme text; roles not given come from `fallback` (the default theme when nil).
    /// Unknown roles, colours or attributes are errors naming the line.
    public static func parse(_ source: String, file: String, fallback: [ThemeRole: CellStyle]? = nil)
        throws(ConfigFileError) -> Theme
    {
        let table = try ConfigFileError.parseTOML(source, file: file)
        var name = file
        for key in table.keys {
            switch key {
            case "name":
                guard let s = table[key]?.string else {
                    throw ConfigFileError(
                        file: file, line: TOMLSourceLines.line(of: key, in: nil, source: source),
                        problem: "'name' must be a string")
                }
                name = s
            case "roles": break
            default:
                throw ConfigFileError(
                    file: file, line: TOMLSourceLines.line(of: key, in: nil, source: source),
                    problem: "unknown key '\(key)' (expected 'name' and a [roles] table)")
            }
        }
        guard let roles = table["roles"]?.table else {
            throw ConfigFileError(file: file, line: nil, problem: "missing [roles] table")
        }
        let known = Set(ThemeRole.all.map(\.name))
        var styles: [ThemeRole: CellStyle] = [:]
        for role in roles.keys {
            let line = TOMLSourceLines.line(of: role, in: "roles", source: source)
            guard known.contains(role) else {
                throw ConfigFileError(
                    file: file, line: line,
                    problem: "unknown role '\(role)' (known: \(known.sorted().joined(separator: ", ")))")
            }
            guard let spec = roles[role]?.table else {
                throw ConfigFileError(
                    file: file, line: line,
                    problem: "role '\(role)' must be a table like { fg = \"green\", bold = true }")
            }
            styles[ThemeRole(role)] = try style(spec, role: role, file: file, line: line)
        }
        let base = fallback ?? (file == "Themes/default.toml" ? [:] : builtinDefault.styles)
        return Theme(name: name, styles: styles, fallback: base)
    }

    static func style(_ spec: TOMLTable, role: String, file: String, line: Int?) throws(ConfigFileError) -> CellStyle {
        var s = CellStyle()
        for key in spec.keys {
            let v = spec[key]!
            switch key {
            case "fg": s.foreground = try color(v, role: role, file: file, line: line)
            case "bg": s.background = try color(v, role: role, file: file, line: line)
            case "bold", "dim", "underline", "reverse":
                guard let b = v.bool else {
                    throw ConfigFileError(
                        file: file, line: line, problem: "'\(key)' of role '\(role)' must be true or false")
                }
                switch key {
                case "bold": s.bold = b
                case "dim": s.dim = b
                case "underline": s.underline = b
                default: s.reverse = b
                }
            default:
                throw ConfigFileError(
                    file: file, line: line,
                    problem: "unknown attribute '\(key)' in role '\(role)' (fg, bg, bold, dim, underline, reverse)")
            }
        }
        return s
    }

    static func color(_ v: TOMLValueConvertible, role: String, file: String, line: Int?) throws(ConfigFileError)
        -> TerminalColor
    {
        if let n = v.int {
            guard (0...255).contains(n) else {
                throw ConfigFileError(
                    file: file, line: line, problem: "colour \(n) of role '\(role)' is not in 0...255")
            }
            return n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n))
        }
        if let name = v.string, let c = TerminalColor.names[name.lowercased()] { return c }
        throw ConfigFileError(
            file: file, line: line,
            problem:
                "unknown colour \(v.string.map { "'\($0)'" } ?? "value") in role '\(role)' (a name like 'green' or a number 0-255)"
        )
    }
}

/// The theme and keymap files compiled into the binary, by name.
public enum BuiltinUIFiles {
    /// `Themes/NAME.toml` as built in.
    public static func theme(_ name: String) -> String? { BuiltinFiles.themes[name] }
    /// `Keymaps/NAME.toml` as built in.
    public static func keymap(_ name: String) -> String? { BuiltinFiles.keymaps[name] }
}
