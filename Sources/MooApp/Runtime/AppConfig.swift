import Foundation
import TerminalUI
import TradingKit

/// The user's settings in `$XDG_CONFIG_HOME/mootui/config.toml` (default `~/.config/...`):
/// the watchlist (kept up to date by the app), and optional default theme and keymap.
public struct AppConfig: Sendable, Equatable {
    public var watchlist: [SecurityCode]
    public var theme: String?
    public var keymap: String?
    /// Ring the terminal bell when a price alert triggers (`alert-bell = "on"` / `"off"`; on by default).
    public var alertBell: Bool = true

    /// Codes shown on a first start.
    public static let defaultWatchlist: [SecurityCode] = [
        "HK.00700", "HK.09988", "US.AAPL", "US.TSLA", "SH.600519", "SZ.000001",
    ]
    .compactMap { try? SecurityCode(parsing: $0) }

    /// Settings with the default watchlist.
    public init(watchlist: [SecurityCode] = AppConfig.defaultWatchlist, theme: String? = nil, keymap: String? = nil) {
        self.watchlist = watchlist; self.theme = theme; self.keymap = keymap
    }

    /// The config file for an environment (XDG_CONFIG_HOME, else HOME/.config).
    public static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/mootui/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/mootui/config.toml"
    }

    /// Parses config text; a bad code is an error naming the line.
    public static func parse(_ source: String, file: String) throws(ConfigFileError) -> AppConfig {
        let settings = try SettingsFile.parse(
            source, file: file, stringKeys: ["theme", "keymap", "alert-bell"], listKeys: ["watchlist"])
        var config = AppConfig(theme: settings.strings["theme"], keymap: settings.strings["keymap"])
        switch settings.strings["alert-bell"]?.lowercased() {
        case nil, "on", "true", "yes": config.alertBell = true
        case "off", "false", "no": config.alertBell = false
        case let other?:
            let line = source.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex(where: { $0.contains("alert-bell") }).map { $0 + 1 }
            throw ConfigFileError(file: file, line: line, problem: "alert-bell: '\(other)' is not \"on\" or \"off\"")
        }
        if let list = settings.lists["watchlist"] {
            var codes: [SecurityCode] = []
            for text in list {
                do {
                    codes.append(try SecurityCode(parsing: text))
                } catch {
                    let line = source.split(separator: "\n", omittingEmptySubsequences: false)
                        .firstIndex(where: { $0.contains("\"\(text)\"") }).map { $0 + 1 }
                    throw ConfigFileError(file: file, line: line, problem: "watchlist: \(error)")
                }
            }
            config.watchlist = codes
        }
        return config
    }

    /// Reads the file; a missing file gives the defaults, a broken one the defaults plus the problem.
    public static func load(path: String) -> (AppConfig, ConfigFileError?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (AppConfig(), nil) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (AppConfig(), ConfigFileError(file: path, line: nil, problem: "not UTF-8 text"))
        }
        do {
            return (try parse(text, file: path), nil)
        } catch {
            return (AppConfig(), error)
        }
    }

    /// The file's text.
    public var text: String {
        var out = "# mootui settings. The watchlist is rewritten when you add (/) or remove (d) codes.\n"
        out += "watchlist = [" + watchlist.map { SettingsFile.quote($0.description) }.joined(separator: ", ") + "]\n"
        if let theme { out += "theme = \(SettingsFile.quote(theme))\n" }
        if let keymap { out += "keymap = \(SettingsFile.quote(keymap))\n" }
        if !alertBell { out += "alert-bell = \"off\"\n" }
        return out
    }

    /// Writes the file atomically, creating its directory.
    public func save(path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
