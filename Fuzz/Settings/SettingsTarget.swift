import FuzzSupport
import MooApp
import TerminalUI

/// Fuzzes the settings file (``AppConfig/parse(_:file:)`` over ``SettingsFile``) with arbitrary
/// text. Invariants: it returns settings or throws a ``ConfigFileError`` whose line, when given,
/// is a line of the text; and settings read back from the text the app writes are the same.
enum SettingsTarget {
    static func run(_ data: UnsafeRawBufferPointer) {
        let text = String(decoding: data, as: UTF8.self)
        let config: AppConfig
        do {
            config = try AppConfig.parse(text, file: "fuzz.toml")
        } catch {
            fuzzCheckLine(error.line, of: text, error.description)
            return
        }
        do {
            let again = try AppConfig.parse(config.text, file: "saved.toml")
            fuzzRequire(again == config, "saved settings read back differently: \(config) → \(again)")
        } catch {
            fuzzRequire(false, "the app cannot read the settings it writes: \(error)\n\(config.text)")
        }
    }
}

@main enum Entry { static func main() { FuzzMain.run("fuzz-settings", SettingsTarget.run) } }
