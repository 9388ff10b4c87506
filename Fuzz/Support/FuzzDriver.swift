#if MOOTUI_FUZZ
/// libFuzzer's entry for programs that bring their own `main` (libclang_rt.fuzzer).
@_extern(c, "LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer on `target`. SwiftPM links each executable with `main` aliased to the
/// module's entry symbol (`<module>_main`), so a fuzz executable defines that symbol and
/// hands its arguments here instead of relying on libFuzzer's own `main`.
public func fuzzDriverMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
    _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, target)
}
#endif
