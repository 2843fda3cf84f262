import Foundation
import Testing
import TallyTestSupport

/// Every example builds to the same bytes twice, with one job and with two (issue #13, item 5).
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct DeterminismTests {
    /// Every file under `folder`, relative path → bytes.
    static func files(under folder: String) -> [String: Data] {
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        var files: [String: Data] = [:]
        for name in names {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    @Test func everyExampleIsByteIdenticalAcrossBuildsAndJobCounts() throws {
        // The first build (two jobs) is the one ExampleReportsTests checks; this is a second one with one job.
        let first = try #require(ExampleReportsTests.built)
        #expect(first.outcome.status == 0, "\(first.outcome.stderr)")
        let out = try EndToEnd.temporaryDirectory()
        let second = try EndToEnd.tally(["build", "--jobs", "1", "--out", out] + ExampleReportsTests.specs)
        #expect(second.status == 0, "\(second.stderr)")
        let a = Self.files(under: first.out)
        let b = Self.files(under: out)
        #expect(a.keys.sorted() == b.keys.sorted())
        for spec in ExampleReportsTests.specs {
            let name = (spec as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            #expect(a.keys.contains { $0.hasPrefix(name + "/") && $0.hasSuffix(".pdf") }, "\(name) made no PDF to compare")
        }
        #expect(a.keys.contains { $0.hasSuffix(".png") } && a.keys.contains { $0.hasSuffix("results.json") })
        for (path, bytes) in a.sorted(by: { $0.key < $1.key }) {
            #expect(b[path] == bytes, "\(path) differs between the --jobs 2 and --jobs 1 builds")
        }
    }
}
