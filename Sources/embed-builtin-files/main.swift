// Build-time tool of the EmbedBuiltinFiles plugin: writes a Swift file holding the text of every
// `*.toml` file in the given folders, so the binary carries the repository's Themes/ and
// Keymaps/ without a second copy in the sources.
//
//   embed-builtin-files OUTPUT.swift NAME=FOLDER [NAME=FOLDER ...]
//
// For each NAME it emits `static let NAME: [String: String]`, file stem to file text, sorted by
// stem, inside `enum BuiltinFiles`.
import Foundation

/// A raw Swift string literal (`#"…"#`) that reads back as exactly `text`: with more `#`s
/// than any run of `#` in the text, nothing inside needs escaping but line breaks and other
/// control characters, which are written as the raw literal's own escapes (`\#n`, `\#u{…}`).
func swiftLiteral(_ text: String) -> String {
    let longestRun = text.split(whereSeparator: { $0 != "#" }).map(\.count).max() ?? 0
    let hashes = String(repeating: "#", count: longestRun + 1)
    var body = ""
    for scalar in text.unicodeScalars {
        if scalar == "\n" {
            body += "\\" + hashes + "n"
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
            body += "\\" + hashes + "u{" + String(scalar.value, radix: 16) + "}"
        } else {
            body.unicodeScalars.append(scalar)
        }
    }
    return hashes + "\"" + body + "\"" + hashes
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-builtin-files: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first, arguments.count >= 2 else {
    fail("usage: embed-builtin-files OUTPUT.swift NAME=FOLDER [NAME=FOLDER ...]")
}
var source = """
    // Generated at build time by the EmbedBuiltinFiles plugin (Plugins/EmbedBuiltinFiles) from the
    // repository's TOML files, which are the only source: edit those, not this.

    /// The repository's data files, compiled into the binary by file stem.
    enum BuiltinFiles {

    """
for spec in arguments.dropFirst() {
    guard let eq = spec.firstIndex(of: "=") else { fail("expected NAME=FOLDER, got '\(spec)'") }
    let name = String(spec[..<eq])
    let folder = URL(fileURLWithPath: String(spec[spec.index(after: eq)...]))
    let files: [String]
    do {
        files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }.sorted()
    } catch {
        fail("cannot list \(folder.path): \(error)")
    }
    source += "    static let \(name): [String: String] = [\n"
    for file in files {
        let path = folder.appendingPathComponent(file).path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            fail("cannot read \(path) as UTF-8")
        }
        source += "        \(swiftLiteral(String(file.dropLast(5)))): \(swiftLiteral(text)),\n"
    }
    source += files.isEmpty ? "        :\n    ]\n" : "    ]\n"
}
source += "}\n"
do {
    // Written only when it changes, so an unchanged theme never recompiles the module.
    if FileManager.default.contents(atPath: output) != Data(source.utf8) {
        try Data(source.utf8).write(to: URL(fileURLWithPath: output))
    }
} catch {
    fail("cannot write \(output): \(error)")
}
