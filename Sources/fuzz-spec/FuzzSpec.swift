// libFuzzer target for the YAML spec loader (libyaml events, key/value checks, model building and the
// semantic checks). Built only by `make fuzz` (with -D TALLY_FUZZ and -sanitize=fuzzer,address); a normal
// build gets a main that says how to run it.
#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import TallyCore
import TallySpec

/// libFuzzer's entry point: the input is the spec file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    SpecFuzzing.run(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Runs libFuzzer in a fuzz build; says how to in a normal one.
@main
struct FuzzSpecMain {
    /// Hands the command line to the shared driver.
    static func main() {
        FuzzDriver.main(target: "fuzz-spec", fuzzSpec)
    }
}

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
