import Foundation
import Testing
import TallyTestSupport

/// Where a build reads and writes (issue #13, item 4): paths relative to the spec, `--root` confinement that
/// neither `..` nor symbolic links escape, and outputs that never replace an input.
@Suite(.enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct PathConfinementTests {
    /// A folder `root` holding `reports/s.yaml` (reading `dataPath`) and `reports/data.csv`.
    static func layout(dataPath: String = "data.csv", output: String = "") throws -> String {
        let root = try EndToEnd.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/reports", withIntermediateDirectories: true)
        try AdversarialCorpusTests.csv.write(toFile: root + "/reports/data.csv", atomically: true, encoding: .utf8)
        let spec = AdversarialCorpusTests.spec().replacingOccurrences(of: "file: data.csv", with: "file: \(dataPath)")
            .replacingOccurrences(of: "output: { formats: [pdf] }", with: "output: { formats: [pdf]\(output) }")
        try spec.write(toFile: root + "/reports/s.yaml", atomically: true, encoding: .utf8)
        return root
    }

    @Test func dataAndOutputDirectoryAreRelativeToTheSpec() throws {
        // Run from the repository root: neither path may be taken relative to the working directory.
        let root = try Self.layout(output: ", directory: built")
        let run = try EndToEnd.tally(["build", root + "/reports/s.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/reports/built/report.pdf"))
    }

    @Test func buildInsideTheRootSucceeds() throws {
        let root = try Self.layout()
        let run = try EndToEnd.tally(["build", "--root", root, "--out", root + "/out", root + "/reports/s.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/out/s/report.pdf"))
    }

    @Test func dotDotOutOfTheRootIsRefused() throws {
        let root = try Self.layout(dataPath: "../../outside.csv")
        let outside = (root as NSString).deletingLastPathComponent + "/outside.csv"
        try AdversarialCorpusTests.csv.write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let run = try EndToEnd.tally(["build", "--root", root, "--out", root + "/out", root + "/reports/s.yaml"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("s.yaml:4:"), "\(run.stderr)")
        #expect(run.stderr.contains("outside the root '\(root)'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
    }

    @Test func symbolicLinksOutOfTheRootAreRefused() throws {
        let root = try Self.layout(dataPath: "linked.csv")
        let elsewhere = try EndToEnd.temporaryDirectory()
        try AdversarialCorpusTests.csv.write(toFile: elsewhere + "/secret.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/reports/linked.csv", withDestinationPath: elsewhere + "/secret.csv")
        let run = try EndToEnd.tally(["build", "--root", root, "--out", root + "/out", root + "/reports/s.yaml"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("outside the root '\(root)' (it resolves to '"), "\(run.stderr)")
        // A linked output folder is refused too, and nothing lands behind the link.
        let fine = try Self.layout()
        try FileManager.default.createSymbolicLink(atPath: fine + "/out", withDestinationPath: elsewhere)
        let write = try EndToEnd.tally(["build", "--root", fine, "--out", fine + "/out", fine + "/reports/s.yaml"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("outside the root '\(fine)'"), "\(write.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/s"))
    }

    @Test func specsAndOutputsOutsideTheRootAreRefused() throws {
        let root = try Self.layout()
        let spec = try EndToEnd.tally(["build", "--root", root + "/reports/nothing-here", root + "/reports/s.yaml"])
        #expect(spec.status == 2)
        #expect(spec.stderr.contains("--root"), "\(spec.stderr)")
        let narrow = try EndToEnd.tally(["validate", "--root", root + "/out-of-the-way", root + "/reports/s.yaml"])
        #expect(narrow.status == 2)
        try FileManager.default.createDirectory(atPath: root + "/inner", withIntermediateDirectories: true)
        let outsideSpec = try EndToEnd.tally(["validate", "--root", root + "/inner", root + "/reports/s.yaml"])
        #expect(outsideSpec.status == 2)
        #expect(outsideSpec.stderr.contains("is outside the root '\(root)/inner'"), "\(outsideSpec.stderr)")
        let out = try EndToEnd.tally(["build", "--root", root + "/reports", "--out", root + "/elsewhere", root + "/reports/s.yaml"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("cannot write"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root + "/elsewhere"))
        let inspect = try EndToEnd.tally(["inspect", "--root", root + "/inner", root + "/reports/data.csv"])
        #expect(inspect.status == 3)
        #expect(inspect.stderr.contains("outside the root"), "\(inspect.stderr)")
    }

    @Test func anOutputNeverReplacesAnInput() throws {
        // The data file sits where the report's results.json would go: --out ROOT puts the report in ROOT/s/.
        let root = try EndToEnd.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/s", withIntermediateDirectories: true)
        try AdversarialCorpusTests.csv.write(toFile: root + "/s/results.json", atomically: true, encoding: .utf8)
        let spec = AdversarialCorpusTests.spec().replacingOccurrences(of: "file: data.csv", with: "file: s/results.json")
        try spec.write(toFile: root + "/s.yaml", atomically: true, encoding: .utf8)
        let run = try EndToEnd.tally(["build", "--out", root, root + "/s.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: the output '\(root)/s/results.json' would overwrite the input '\(root)/s/results.json'; nothing was written"), "\(run.stderr)")
        #expect(try String(contentsOfFile: root + "/s/results.json", encoding: .utf8) == AdversarialCorpusTests.csv)
        #expect(!FileManager.default.fileExists(atPath: root + "/s/report.pdf"))
        // tally init never writes its spec over the CSV it reads.
        let initRun = try EndToEnd.tally(["init", "--force", "--out", root + "/s/../s/results.json", root + "/s/results.json"])
        #expect(initRun.status == 2)
        #expect(try String(contentsOfFile: root + "/s/results.json", encoding: .utf8) == AdversarialCorpusTests.csv)
    }
}
