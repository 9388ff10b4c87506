import Foundation
import TerminalUI

/// Finds the theme and keymap the user asked for: a path to a file, or a name looked up in
/// `$XDG_CONFIG_HOME/mootui/{themes,keymaps}/NAME.toml` and then the built-in files. Anything
/// broken falls back to the defaults with a message naming the file, line and problem.
public enum AppearanceLoader {
    /// The theme for `request` (nil: default), and the problem if it could not be used.
    public static func theme(_ request: String?, environment: [String: String]) -> (Theme, ConfigFileError?) {
        let name = request ?? "default"
        do {
            if let (text, file) = try source(name, kind: "themes", environment: environment) {
                return (try ThemeLoader.parse(text, file: file), nil)
            }
            return (
                ThemeLoader.builtinDefault,
                ConfigFileError(
                    file: name, line: nil,
                    problem: "no such theme (built in: \(ThemeLoader.builtinNames.joined(separator: ", ")))")
            )
        } catch {
            return (ThemeLoader.builtinDefault, error)
        }
    }

    /// The keymap for `request` (nil: default), and the problem if it could not be used.
    public static func keymap(_ request: String?, environment: [String: String]) -> (Keymap, ConfigFileError?) {
        let name = request ?? "default"
        do {
            if let (text, file) = try source(name, kind: "keymaps", environment: environment) {
                return (try parseKeymap(text, file: file), nil)
            }
            return (
                defaultKeymap,
                ConfigFileError(
                    file: name, line: nil,
                    problem: "no such keymap (built in: \(KeymapLoader.builtinNames.joined(separator: ", ")))")
            )
        } catch {
            return (defaultKeymap, error)
        }
    }

    /// Parses keymap text against MooApp's modes and actions.
    public static func parseKeymap(_ text: String, file: String) throws(ConfigFileError) -> Keymap {
        try KeymapLoader.parse(text, file: file, modes: KeymapMode.names, actions: AppAction.names)
    }

    /// The built-in default keymap.
    public static var defaultKeymap: Keymap {
        // The built-in file is checked by tests, so this cannot fail at run time.
        (try? parseKeymap(BuiltinUIFiles.keymap("default") ?? "", file: "Keymaps/default.toml"))
            ?? Keymap(name: "default", tables: [:])
    }

    static func source(_ name: String, kind: String, environment: [String: String]) throws(ConfigFileError) -> (
        String, String
    )? {
        if name.contains("/") || name.hasSuffix(".toml") {
            guard let data = FileManager.default.contents(atPath: name), let text = String(data: data, encoding: .utf8)
            else {
                throw ConfigFileError(file: name, line: nil, problem: "cannot read the file")
            }
            return (text, name)
        }
        let configDir = (AppConfig.path(environment: environment) as NSString).deletingLastPathComponent
        let userFile = "\(configDir)/\(kind)/\(name).toml"
        if let data = FileManager.default.contents(atPath: userFile), let text = String(data: data, encoding: .utf8) {
            return (text, userFile)
        }
        let builtin = kind == "themes" ? BuiltinUIFiles.theme(name) : BuiltinUIFiles.keymap(name)
        let dir = kind == "themes" ? "Themes" : "Keymaps"
        return builtin.map { ($0, "\(dir)/\(name).toml") }
    }
}
