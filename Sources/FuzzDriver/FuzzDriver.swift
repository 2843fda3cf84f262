// The main every fuzz target shares (fuzz-csv, fuzz-spec, fuzz-formula).
//
// Steps: in a fuzz build (`make fuzz`: -D TALLY_FUZZ, -sanitize=fuzzer,address) hand the command line to
// libFuzzer's driver with the target's callback; in a normal build say how to run the target instead.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libFuzzer callback: one input, 0 to keep going.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

#if TALLY_FUZZ
/// libFuzzer's driver (linked from the fuzzer runtime), run from our own main because SwiftPM renames an
/// executable's entry point on Linux and so libFuzzer's `main` cannot be used.
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback) -> CInt
#endif

/// Runs a fuzz target's main.
public enum FuzzDriver {
    /// Fuzz build: runs libFuzzer with the command line (corpus directories, -max_len, -timeout, …) and exits
    /// with its status. Normal build: prints how to run `target`.
    public static func main(target: String, _ callback: FuzzCallback) {
        #if TALLY_FUZZ
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, callback))
        #else
        print("\(target) is a libFuzzer target; run it with `make fuzz` (or `make fuzz FUZZ_TARGETS=\(target)`).")
        #endif
    }
}
