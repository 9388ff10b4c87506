import ArgumentParser
import Foundation
import MarketRecording
import SimGateway

/// `sim --replay FILE --speed N`: the recording read and prepared, its damage reported on stderr.
enum SimReplayOption {
    static func load(_ path: String, speed text: String, extra: [Instrument]) throws -> ReplaySource {
        let speed: ReplaySpeed
        do { speed = try ReplaySpeed(parsing: text) } catch { throw ValidationError("\(error)") }
        let contents: RecordingContents
        do { contents = try RecordingReader.read(path: path) } catch {
            throw ValidationError("--replay \(path): \(error)")
        }
        func warn(_ line: String) { FileHandle.standardError.write(Data("mootui sim: \(line)\n".utf8)) }
        if let damage = contents.damage {
            warn("\(path): \(damage); replaying the \(contents.entries.count) intact records before it")
        }
        let source = ReplaySource(contents, speed: speed, extra: extra.map(\.code))
        if !source.unknownCodes.isEmpty {
            warn("\(path): not in the simulator's universe, skipped: \(source.unknownCodes.joined(separator: ", ")) (add them with --universe FILE)")
        }
        guard source.count > 0 else { throw ValidationError("--replay \(path): the recording holds no quote pushes to replay") }
        return source
    }
}
