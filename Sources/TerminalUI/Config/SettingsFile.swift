import Foundation
import TOMLKit

/// A flat TOML settings file of strings and lists of strings (the user's config.toml), checked
/// against the keys the caller knows.
public struct SettingsFile: Sendable, Hashable {
    public var strings: [String: String] = [:]
    public var lists: [String: [String]] = [:]

    /// Empty settings.
    public init() {}

    /// Parses `source`; `stringKeys` take a string, `listKeys` an array of strings. Anything else
    /// is an error naming the file and line.
    public static func parse(_ source: String, file: String, stringKeys: Set<String>, listKeys: Set<String>)
        throws(ConfigFileError) -> SettingsFile
    {
        let table = try ConfigFileError.parseTOML(source, file: file)
        var out = SettingsFile()
        for key in table.keys {
            let line = TOMLSourceLines.line(of: key, in: nil, source: source)
            let value = table[key]!
            if stringKeys.contains(key) {
                guard let s = value.string else {
                    throw ConfigFileError(file: file, line: line, problem: "'\(key)' must be a string")
                }
                out.strings[key] = s
            } else if listKeys.contains(key) {
                guard let array = value.array else {
                    throw ConfigFileError(file: file, line: line, problem: "'\(key)' must be a list of strings")
                }
                var items: [String] = []
                for item in array {
                    guard let s = item.string else {
                        throw ConfigFileError(file: file, line: line, problem: "'\(key)' must contain only strings")
                    }
                    items.append(s)
                }
                out.lists[key] = items
            } else {
                let known = (stringKeys.union(listKeys)).sorted().joined(separator: ", ")
                throw ConfigFileError(file: file, line: line, problem: "unknown setting '\(key)' (known: \(known))")
            }
        }
        return out
    }

    /// TOML text for a string, quoted and escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\u%04X", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }
}
