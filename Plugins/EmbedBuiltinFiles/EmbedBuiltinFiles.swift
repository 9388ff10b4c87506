import Foundation
import PackagePlugin

/// Compiles the repository's TOML data files into the target as `BuiltinFiles` (see
/// `Sources/embed-builtin-files`): `Themes/` and `Keymaps/` into TerminalUI, `Fees/` into
/// SimGateway. Those files are the one source of the built-in themes, keymaps and fee schedule,
/// and the binary works from any directory.
@main
struct EmbedBuiltinFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let names: [(String, String)]
        switch target.name {
        case "SimGateway": names = [("fees", "Fees")]
        default: names = [("themes", "Themes"), ("keymaps", "Keymaps")]
        }
        let folders = names.map { ($0.0, root.appendingPathComponent($0.1)) }
        // Every file is an input, so editing one re-runs the tool; the listing is taken anew on
        // every build, so adding one does too.
        let inputs = folders.flatMap { _, folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".toml") }.sorted().map { folder.appendingPathComponent($0) }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.map { $0.1 + "/" }.joined(separator: " and ")) into \(target.name)",
                executable: try context.tool(named: "embed-builtin-files").url,
                arguments: [output.path] + folders.map { "\($0.0)=\($0.1.path)" },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
