// libFuzzer target for the YAML spec loader (libyaml events, key/value checks, model building and the
// semantic checks). Built only by `make fuzz` (with -D TALLY_FUZZ and -sanitize=fuzzer,address); a normal
// build gets a main that says how to run it.
#if canImport(Glibc)
import Glibc
#endif
import TallyCore
import TallySpec

#if TALLY_FUZZ
/// libFuzzer's entry point: the input is the spec file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    SpecFuzzing.run(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// libFuzzer's driver (linked from the fuzzer runtime), run from our own main because SwiftPM renames an
/// executable's entry point on Linux and so libFuzzer's `main` cannot be used.
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer with the command line (corpus directories, -max_len, -timeout, …).
@main
struct FuzzSpecMain {
    /// Hands the arguments to libFuzzer and exits with its status.
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzSpec))
    }
}
#else
/// What a normal build of the fuzz target does: explain how to run it.
@main
struct FuzzSpecMain {
    /// Prints how to build and run the fuzzer.
    static func main() {
        print("fuzz-spec is a libFuzzer target; run it with `make fuzz` (or `make fuzz FUZZ_TARGETS=fuzz-spec`).")
    }
}
#endif

/// Loads the fuzzer's bytes as a spec the way the CLI does, then uses what a loaded spec offers.
enum SpecFuzzing {
    /// Loads through an in-memory world (so the UTF-8 check runs too), renders every diagnostic and resolves
    /// parameters with no overrides and with an override per parameter.
    static func run(bytes: [UInt8]) {
        let world = MemoryWorld()
        let path = "fuzz/spec.yaml"
        do { try world.writeFileAtomically(bytes, to: path) } catch { return }
        let (spec, diagnostics) = SpecLoader.load(path: path, world: world)
        for diagnostic in diagnostics { _ = diagnostic.rendered() }
        guard let spec else { return }
        _ = spec.parameterValues(overrides: [:])
        var overrides: [String: String] = [:]
        for (index, param) in spec.params.enumerated() {
            overrides[param.name.value] = ["1", "x", "2026-02-30", "true", "-0.5e3", ""][index % 6]
        }
        _ = spec.parameterValues(overrides: overrides)
    }
}
