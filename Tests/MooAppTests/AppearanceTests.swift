import Foundation
import TerminalUI
import TradingKit
import XCTest
@testable import MooApp

final class AppearanceTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testEveryKeymapFileLoadsAgainstTheAppsActionsAndIsBuiltInAsItIs() throws {
        let dir = Self.repo.appendingPathComponent("Keymaps")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }
            .sorted()
        XCTAssertEqual(files, ["default.toml", "vim.toml"])
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let map = try AppearanceLoader.parseKeymap(text, file: "Keymaps/\(f)")
            XCTAssertEqual(Set(map.tables.keys), KeymapMode.names, "\(f) has a table per mode")
            XCTAssertEqual(map.action(for: .character("q"), modes: ["global"]), "quit")
            XCTAssertEqual(BuiltinUIFiles.keymap(String(f.dropLast(5))), text, "the build embeds Keymaps/\(f) byte for byte")
        }
        XCTAssertEqual(KeymapLoader.builtinNames, files.map { String($0.dropLast(5)) }, "every keymap file is built in")
    }

    func testNamedAndFileThemesLoadAndBrokenOnesFallBackWithTheProblem() throws {
        let env = ["XDG_CONFIG_HOME": NSTemporaryDirectory() + "mootui-appearance-\(UUID().uuidString)"]
        for name in ThemeLoader.builtinNames {
            let (theme, problem) = AppearanceLoader.theme(name, environment: env)
            XCTAssertNil(problem, name)
            XCTAssertEqual(theme.name, name)
        }
        let (fallback, missing) = AppearanceLoader.theme("neon", environment: env)
        XCTAssertEqual(fallback.name, "default")
        XCTAssertTrue(missing!.description.contains("no such theme"))

        let path = NSTemporaryDirectory() + "broken-\(UUID().uuidString).toml"
        try "[roles]\n\"quote.up\" = { fg = \"green\" }\n\"quote.upp\" = { fg = \"red\" }\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (used, problem) = AppearanceLoader.theme(path, environment: env)
        XCTAssertEqual(used, ThemeLoader.builtinDefault)
        XCTAssertEqual(
            problem?.description.hasPrefix("\(path):3: unknown role 'quote.upp'"), true,
            "\(String(describing: problem))")

        let keymapPath = NSTemporaryDirectory() + "keys-\(UUID().uuidString).toml"
        try "[global]\n\"q\" = \"quit\"\n\"Q\" = \"quit.now\"\n".write(
            toFile: keymapPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: keymapPath) }
        let (keys, keyProblem) = AppearanceLoader.keymap(keymapPath, environment: env)
        XCTAssertEqual(keys, AppearanceLoader.defaultKeymap)
        XCTAssertEqual(keyProblem?.line, 3)
    }

    func testUserThemeDirectoryWinsOverBuiltIns() throws {
        let home = NSTemporaryDirectory() + "mootui-xdg-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/mootui/themes", withIntermediateDirectories: true)
        try "name = \"mine\"\n[roles]\n\"quote.up\" = { fg = 33 }\n".write(
            toFile: home + "/mootui/themes/mine.toml", atomically: true, encoding: .utf8)
        let (theme, problem) = AppearanceLoader.theme("mine", environment: ["XDG_CONFIG_HOME": home])
        XCTAssertNil(problem)
        XCTAssertEqual(theme[.quoteUp].foreground, .indexed(33))
        XCTAssertEqual(theme[.quoteDown], ThemeLoader.builtinDefault[.quoteDown], "missing roles inherit the default")
    }

    func testConfigRoundTripsAndBrokenConfigNamesTheLine() throws {
        let home = NSTemporaryDirectory() + "mootui-cfg-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let path = AppConfig.path(environment: ["XDG_CONFIG_HOME": home])
        XCTAssertEqual(path, home + "/mootui/config.toml")
        XCTAssertEqual(AppConfig.load(path: path).0, AppConfig(), "no file: defaults, no complaint")
        XCTAssertNil(AppConfig.load(path: path).1)
        let config = AppConfig(watchlist: [AppFixtures.moutai, AppFixtures.apple], theme: "red-up", keymap: nil)
        try config.save(path: path)
        let (loaded, problem) = AppConfig.load(path: path)
        XCTAssertNil(problem)
        XCTAssertEqual(loaded, config)

        try "watchlist = [\"HK.00700\",\n  \"XX.1\"]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (fallback, bad) = AppConfig.load(path: path)
        XCTAssertEqual(fallback, AppConfig())
        XCTAssertEqual(bad?.line, 2)
        XCTAssertTrue(bad!.problem.contains("unknown market 'XX'"))
        try "watchlist = \"HK.00700\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(AppConfig.load(path: path).1?.description, "\(path):1: 'watchlist' must be a list of strings")
    }
}
