import TOMLKit

/// Reads keymaps: TOML with an optional `name` and one table per mode of `"key" = "action"`.
public enum KeymapLoader {
    /// The names of the built-in keymaps.
    public static var builtinNames: [String] { BuiltinFiles.keymaps.keys.sorted() }

    /// Parses keymap text, accepting only `modes` and `actions`. Unknown modes, keys or actions and a
    /// key bound twice in one mode (also through two spellings, "C-c" and "ctrl-c") are errors
    /// naming the line.
    public static func parse(_ source: String, file: String, modes: Set<String>, actions: Set<String>)
        throws(ConfigFileError) -> Keymap
    {
        let table = try ConfigFileError.parseTOML(source, file: file)
        var name = file
        var tables: [String: [Key: String]] = [:]
        for mode in table.keys {
            if mode == "name" {
                guard let s = table[mode]?.string else {
                    throw ConfigFileError(
                        file: file, line: TOMLSourceLines.line(of: mode, in: nil, source: source),
                        problem: "'name' must be a string")
                }
                name = s
                continue
            }
            guard modes.contains(mode), let entries = table[mode]?.table else {
                throw ConfigFileError(
                    file: file,
                    line: TOMLSourceLines.line(of: mode, in: nil, source: source) ?? sectionLine(mode, source),
                    problem: "unknown mode '\(mode)' (modes: \(modes.sorted().joined(separator: ", ")))")
            }
            var bound: [Key: (String, String)] = [:]
            for keyName in entries.keys {
                let line = TOMLSourceLines.line(of: keyName, in: mode, source: source)
                guard let key = Key(name: keyName) else {
                    throw ConfigFileError(file: file, line: line, problem: "unknown key '\(keyName)' in [\(mode)]")
                }
                guard let action = entries[keyName]?.string else {
                    throw ConfigFileError(
                        file: file, line: line, problem: "the action for '\(keyName)' in [\(mode)] must be a string")
                }
                guard actions.contains(action) else {
                    throw ConfigFileError(
                        file: file, line: line, problem: "unknown action '\(action)' for '\(keyName)' in [\(mode)]")
                }
                if let (otherName, otherAction) = bound[key] {
                    throw ConfigFileError(
                        file: file, line: line,
                        problem:
                            "key '\(keyName)' is bound twice in [\(mode)] ('\(otherName)' = '\(otherAction)', '\(keyName)' = '\(action)')"
                    )
                }
                bound[key] = (keyName, action)
            }
            tables[mode] = bound.mapValues(\.1)
        }
        return Keymap(name: name, tables: tables)
    }

    static func sectionLine(_ mode: String, _ source: String) -> Int? {
        for (i, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where raw.trimmingPrefixSpaces.hasPrefix("[\(mode)]") {
            return i + 1
        }
        return nil
    }
}

extension Substring {
    var trimmingPrefixSpaces: Substring { drop(while: { $0 == " " || $0 == "\t" }) }
}
