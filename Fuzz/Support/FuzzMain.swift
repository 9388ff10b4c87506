import Foundation

/// The `main` of every fuzz executable: `@main enum Entry { static func main() { FuzzMain.run(…) } }`.
///
/// Built by Scripts/fuzz.sh (`-D MOOTUI_FUZZ`, coverage and ASan, linked with libFuzzer's
/// no-main runtime) it hands the target to libFuzzer's driver with the command line. libFuzzer's
/// own `main` is not used: linked into the whole build it would also become the `main` of the
/// other executables, the EmbedBuiltinFiles plugin's host tool among them. Built normally it
/// replays: runs the target once over each file named on the command line, so a crash input
/// can be rerun and debugged without sanitizers.
public enum FuzzMain {
    nonisolated(unsafe) private static var target: ((UnsafeRawBufferPointer) -> Void)?

    public static func run(_ name: String, _ target: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        #if MOOTUI_FUZZ
        Self.target = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzMain.target?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        replay(name, target)
        #endif
    }

    private static func replay(_ name: String, _ target: (UnsafeRawBufferPointer) -> Void) -> Never {
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(name) FILE...  (replays inputs; Scripts/fuzz.sh fuzzes)\n".utf8))
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
        exit(0)
    }
}

#if MOOTUI_FUZZ
/// libFuzzer's entry for programs that bring their own `main` (libclang_rt.fuzzer_no_main).
@_extern(c, "LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
