import TOMLKit

/// A problem in a user's theme, keymap or config file, naming the file, the line and the problem.
public struct ConfigFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or a built-in name).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    public var problem: String

    /// A problem at `line` of `file`.
    public init(file: String, line: Int?, problem: String) {
        self.file = file; self.line = line; self.problem = problem
    }

    public var description: String {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }

    /// Parses TOML `source`; a syntax error becomes a ``ConfigFileError`` naming `file` and the line.
    static func parseTOML(_ source: String, file: String) throws(ConfigFileError) -> TOMLTable {
        if let problem = TOMLPreCheck.firstProblem(in: source) {
            throw ConfigFileError(file: file, line: problem.line, problem: problem.message)
        }
        do {
            return try TOMLTable(string: source)
        } catch let e as TOMLParseError {
            throw ConfigFileError(file: file, line: e.source.begin.line, problem: e.description)
        } catch {
            throw ConfigFileError(file: file, line: nil, problem: "\(error)")
        }
    }
}

/// Finds the line of a key in TOML source, so semantic errors (unknown role, unknown action)
/// can name a line even though the parsed table does not carry positions.
enum TOMLSourceLines {
    /// The 1-based line where `key` is assigned inside `[section]` (nil section: top level).
    static func line(of key: String, in section: String?, source: String) -> Int? {
        var current: String? = nil
        for (i, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                let inner = line.dropFirst().prefix(while: { $0 != "]" })
                current = unquote(String(inner).trimmed)
                continue
            }
            guard current == section, let eq = line.firstIndex(of: "=") else { continue }
            let lhs = String(line[..<eq]).trimmed
            if unquote(lhs) == key { return i + 1 }
        }
        return nil
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
