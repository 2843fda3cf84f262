import TallyCore
import Testing

@testable import TallySpec

/// Specs built to exhaust the loader: deep nesting, alias bombs, huge files, huge scalars, deep formulas.
/// Each is refused with one located error (limits in `Limits.standard`) instead of a crash or a stall.
@Suite struct AdversarialSpecTests {
    let depth = Limits.standard.maxYAMLDepth

    @Test func tenThousandNestedFlowListsAreRefusedAtTheLimit() throws {
        let yaml = "version: 1\nreport: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let (spec, diagnostics) = load(yaml)
        #expect(spec == nil)
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(first.message == "the YAML nests more than \(depth) levels deep; the spec was not loaded")
        // libyaml scans ahead through flow brackets and stops at its own bound; the message is the same.
        #expect(first.location?.line == 2)
        #expect(first.hint != nil)
    }

    @Test func deeplyIndentedMappingsAreRefused() {
        var yaml = "version: 1\n"
        for level in 0..<500 { yaml += String(repeating: " ", count: level) + "k\(level):\n" }
        let (spec, diagnostics) = load(yaml)
        #expect(spec == nil)
        #expect(diagnostics.map(\.message) == ["the YAML nests more than \(depth) levels deep; the spec was not loaded"])
        // The root mapping is level 1 (line 1); the mapping at level n starts on line n + 1.
        #expect(diagnostics.first?.location?.line == depth + 2)
    }

    @Test func nestingWithinTheLimitIsAnOrdinaryUnknownKey() {
        let yaml = "version: 1\nreport: { title: T, extra: " + String(repeating: "[", count: 50) + String(repeating: "]", count: 50) + " }\n"
        let (spec, diagnostics) = load(yaml)
        #expect(spec == nil)
        #expect(diagnostics.contains { $0.message.contains("unknown key 'extra'") })
    }

    @Test func aliasBombOfMappingsIsRefused() {
        var yaml = "a0: &a0 {x: 1, y: 2, z: 3, w: 4}\n"
        for level in 1...12 { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1)]\n" }
        let (spec, diagnostics) = load(yaml)
        #expect(spec == nil)
        #expect(diagnostics.map(\.message) == ["YAML aliases expand to more than 100000 values; the spec was not loaded"])
    }

    @Test func oversizedSpecIsRefusedBeforeParsing() throws {
        let title = String(repeating: "x", count: 10 << 20)
        let (spec, diagnostics) = load("version: 1\nreport:\n  title: \(title)\n")
        #expect(spec == nil)
        let first = try #require(diagnostics.first)
        #expect(first.message == "the spec is 10 MiB, more than the limit of 1 MiB; it was not loaded")
        #expect(first.location == SourceLocation(file: "spec.yaml"))
        // Through a World the size is checked before the file is read.
        let world = MemoryWorld(files: ["big.yaml": "version: 1\n# " + title])
        let (none, problems) = SpecLoader.load(path: "big.yaml", world: world)
        #expect(none == nil)
        #expect(problems.first?.message == "the spec is 10 MiB, more than the limit of 1 MiB; it was not loaded")
    }

    @Test func manyKeysAndLongScalarsWithinTheSizeLimitAreOrdinaryErrors() {
        // 2,000 unknown keys: every one is reported, each with its line.
        var yaml = "version: 1\nreport: { title: T }\n"
        for index in 0..<2_000 { yaml += "k\(index): 1\n" }
        let (spec, diagnostics) = load(yaml)
        #expect(spec == nil)
        #expect(diagnostics.filter { $0.message.hasPrefix("unknown key") }.count == 2_000)
    }
}
