import ArgumentParser
import Foundation
import MarketRecording
import SimGateway

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
    @Option(help: "In the UI: a factor of real time (1, 10, 0.5) or max.") var speed = "1"
    @Option(help: "In the UI: start at this time of the recording (HH:MM:SS, this machine's time zone).")
    var from: String?

    func validate() throws {
        if let export, export != "csv" { throw ValidationError("--export: the only format is csv") }
        if json && !info { throw ValidationError("--json goes with --info") }
    }

    func run() async throws {
        guard info || export != nil else { return try await replayInTheUI() }
        try await runOneShot {
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

    /// The TUI on the embedded simulator serving the recording, trading on its paper broker.
    private func replayInTheUI() async throws {
        var source = try SimReplayOption.load(file, speed: speed, extra: [])
        if let from { source.start(at: try ReplayStart.nanoseconds(from, firstNanoseconds: source.firstNanoseconds)) }
        let codes = source.codes.map(\.description).joined(separator: ",")
        let tui = try RunCommand.parse(codes.isEmpty ? [] : ["--watch", codes])
        try await tui.runTUI(replay: source, replayName: (file as NSString).lastPathComponent)
    }
}
