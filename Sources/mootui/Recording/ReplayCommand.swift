import ArgumentParser
import Foundation
import MarketRecording

/// `mootui replay FILE --info [--json]` and `mootui replay FILE --export csv [--out DIR]`.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Inspect or export a recording made by `mootui record` or `mootui --record`.",
        discussion: """
            To serve a recording to any OpenD client (the official SDK too) run `mootui sim --replay FILE`.
            """)

    @Argument(help: "The recording.") var file: String
    @Flag(help: "Print what the recording holds: codes, sub-types, counts, time span, gaps, size.") var info = false
    @Flag(help: "With --info: print JSON.") var json = false
    @Option(help: "Export format: csv (ticks and books per code).") var export: String?
    @Option(help: "With --export: the directory to write into (default: FILE without its extension, plus -csv).")
    var out: String?

    func validate() throws {
        if let export, export != "csv" { throw ValidationError("--export: the only format is csv") }
        if json && !info { throw ValidationError("--json goes with --info") }
    }

    func run() async throws {
        try await runOneShot {
            guard info || export != nil else {
                throw OneShotError(
                    "give --info or --export csv; to serve the recording to clients run `mootui sim --replay \(file)`")
            }
            let contents: RecordingContents
            do { contents = try RecordingReader.read(path: file) } catch { throw OneShotError("\(file): \(error)") }
            if let damage = contents.damage {
                FileHandle.standardError.write(
                    Data("mootui: \(file): \(damage); \(contents.entries.count) intact records before it are used\n".utf8))
            }
            if info {
                let summary = RecordingSummary(contents)
                if json { printJSON(RecordingInfoText.json(summary, file: file)) } else {
                    RecordingInfoText.print(summary, file: file)
                }
            }
            if export != nil {
                let directory = out ?? ((file as NSString).deletingPathExtension + "-csv")
                let written = try CSVExport.write(contents, to: directory)
                for line in written { print(line) }
            }
        }
    }
}
