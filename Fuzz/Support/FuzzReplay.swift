import Foundation

/// The `main` of a fuzz executable built without libFuzzer (the normal `swift build`): runs the
/// target once over each file named on the command line, so a crash input can be replayed and
/// debugged without the sanitizers. Prints one line per file; exits 2 when given nothing.
public enum FuzzReplay {
    public static func main(_ name: String, _ target: (UnsafeRawBufferPointer) -> Void) {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("""
                usage: \(name) FILE...  (replays inputs; Scripts/fuzz.sh builds the libFuzzer version)

                """.utf8))
            exit(2)
        }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(name): cannot read \(path)\n".utf8))
                exit(1)
            }
            data.withUnsafeBytes { target($0) }
            print("\(name): \(path): ok (\(data.count) bytes)")
        }
    }
}
