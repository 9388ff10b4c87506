// bench-push: the push-path benchmark's Swift half.
//   bench-push gateway [PORT]          a burst gateway for any client (the SDK, `mootui --opend`);
//                                      commands on stdin: `burst SESSION SECONDS`,
//                                      `soak SESSION SECONDS CODES RATE` (CODES x 4 sub-types, RATE/s each)
//   bench-push hotpath [SECONDS]       mootui's client push path in-process: CPU and allocations per push
//   bench-push hotpath SECONDS --record FILE   the same with the market recorder tapping the link
//   bench-push rtt HOST:PORT CODE N    snapshot round trip p50/p99 through OpenDClient
// Scripts/bench-push.sh runs the side-by-side comparison with the official SDK.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "gateway":
        let gateway = try BurstGateway()
        gateway.onSubscribed = { id in say("subscribed \(id)") }
        let port = try await gateway.listen(port: arguments.count > 1 ? Int(arguments[1]) ?? 0 : 0)
        say("listening on \(port) frame-bytes \(gateway.frameBytes) final-best-ask \(gateway.finalBestAsk)")
        while let line = readLine() {
            let words = line.split(separator: " ")
            if words.first == "soak", words.count == 5, let id = Int(words[1]), let seconds = Double(words[2]),
                let codes = Int(words[3]), let rate = Double(words[4])
            {
                do {
                    let pushes = try await gateway.soak(session: id, seconds: seconds, codes: codes, rate: rate)
                    say("soak \(id) pushes \(pushes)")
                } catch {
                    say("error \(error)")
                }
                continue
            }
            guard words.first == "burst", words.count == 3, let id = Int(words[1]), let seconds = Double(words[2]) else {
                say("error unknown command: \(line)")
                continue
            }
            do {
                let r = try await gateway.burst(session: id, seconds: seconds)
                say(String(format: "burst %d pushes %d start %.6f end %.6f", id, r.pushes, r.start, r.end))
            } catch {
                say("error \(error)")
            }
        }
    case "hotpath":
        let record = arguments.firstIndex(of: "--record").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        try await HotPath.run(seconds: arguments.count > 1 ? Double(arguments[1]) ?? 3 : 3, recordTo: record)
    case "rtt":
        guard arguments.count == 4, let count = Int(arguments[3]) else { throw BenchError("usage: rtt HOST:PORT CODE N") }
        try await RoundTrip.run(endpoint: arguments[1], code: arguments[2], count: count)
    default:
        throw BenchError("usage: bench-push gateway [PORT] | hotpath [SECONDS] | rtt HOST:PORT CODE N")
    }
} catch {
    FileHandle.standardError.write("bench-push: \(error)\n".data(using: .utf8)!)
    exit(1)
}

/// One line on stdout, written at once (the comparison script reads it as it comes).
func say(_ line: String) {
    FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!)
}
