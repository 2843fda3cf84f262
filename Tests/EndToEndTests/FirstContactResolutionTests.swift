import Foundation
import Testing
import TallyTestSupport

/// Builds the walking-skeleton example with the real `tally` binary and reads the PDF back with poppler.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct FirstContactResolutionTests {
    static let spec = "ReportSpecs/first-contact-resolution.yaml"

    @Test func buildsPDFChartAndResultsThatMatchAnIndependentComputation() throws {
        let out = try EndToEnd.temporaryDirectory()
        let run = try EndToEnd.tally(["build", "--out", out, Self.spec])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let report = out + "/first-contact-resolution"

        let info = try EndToEnd.poppler("pdfinfo", [report + "/report.pdf"])
        #expect(info.contains("Page size:       595.276 x 841.89 pts (A4)"))
        #expect(info.contains("Title:           First contact resolution after the triage script"))
        #expect(info.contains("Author:          Sam Patel, Service Quality Lead"))
        #expect(info.contains("Creator:         Tally"))
        #expect(info.contains("CreationDate:    Mon Jan  5 00:00:00 2026"))

        // Every font embedded (pdffonts: the "emb" column is "yes" on every font row).
        let fonts = try EndToEnd.poppler("pdffonts", [report + "/report.pdf"]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.split(separator: " ", omittingEmptySubsequences: true).dropLast(5).last == "yes" || font.contains(" yes yes "), "\(font)") }

        // Both FCR values, computed here from the CSV without Tally's reader, appear in the text.
        let expected = try IndependentFCR.compute()
        let text = try EndToEnd.poppler("pdftotext", ["-layout", report + "/report.pdf", "-"])
        #expect(text.contains(IndependentFCR.percent(expected.baseline)), "baseline \(expected.baseline) not in text")
        #expect(text.contains(IndependentFCR.percent(expected.post)), "post \(expected.post) not in text")

        // results.json carries the unrounded values.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report + "/results.json"))) as? [String: Any]
        let kpis = json?["kpis"] as? [[String: Any]]
        let phases = kpis?.first?["phases"] as? [[String: Any]]
        // The audit trail's fingerprint of the data file is its SHA-256, as sha256sum computes it.
        let file = ((json?["datasets"] as? [[String: Any]])?.first?["file"] as? [String: Any])
        if let sha256sum = ProcessRunner.which("sha256sum") {
            let digest = try ProcessRunner.run(sha256sum, [TestPaths.inRepository("SampleData/tickets.csv")]).stdout.prefix(64)
            #expect(file?["sha256"] as? String == String(digest))
        }
        let baseline = phases?.first?["value"] as? Double ?? -1
        let post = phases?.last?["value"] as? Double ?? -1
        #expect(abs(baseline - expected.baseline) < 1e-12)
        #expect(abs(post - expected.post) < 1e-12)

        // The chart PNG: 483 × 285 pt at 150 dpi.
        let png = try Data(contentsOf: URL(fileURLWithPath: report + "/charts/fcr-prepost.png"))
        let size = EndToEnd.pngSize(png)
        #expect(size.width == 1006 && size.height == 594)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try EndToEnd.temporaryDirectory(), second = try EndToEnd.temporaryDirectory()
        #expect(try EndToEnd.tally(["build", "--out", first, Self.spec]).status == 0)
        #expect(try EndToEnd.tally(["build", "--out", second, Self.spec]).status == 0)
        for file in ["report.pdf", "charts/fcr-prepost.png", "results.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(first)/first-contact-resolution/\(file)"))
            let b = try Data(contentsOf: URL(fileURLWithPath: "\(second)/first-contact-resolution/\(file)"))
            #expect(a == b, "\(file) differs between two builds")
        }
    }
}

/// Bad input: a located error, a non-zero exit, and nothing created under the output directory.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct BadInputTests {
    /// Builds `spec` (written into a scratch folder beside a copy of the sample data path) and checks the failure.
    func expectFailure(spec: String, files: [String: String] = [:], specName: String = "broken.yaml", status: Int32, message: String) throws {
        let folder = try EndToEnd.temporaryDirectory()
        for (name, content) in files { try content.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let specPath = folder + "/" + specName
        if !spec.isEmpty { try spec.write(toFile: specPath, atomically: true, encoding: .utf8) }
        let out = folder + "/out"
        let run = try EndToEnd.tally(["build", "--out", out, specPath])
        #expect(run.status == status, "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr was: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "the failed build created \(out)")
    }

    static let minimal = """
        version: 1
        report:
          title: T
        data:
          tickets:
            file: tickets.csv
        phases:
          time: opened_at
          periods:
            - { id: baseline, label: Before, from: 2025-01-01, to: 2025-01-31 }
            - { id: post, label: After, from: 2025-02-01, to: 2025-02-28 }
        kpis:
          fcr: { label: FCR, builtin: fcr }
        sections:
          - title: S
            blocks:
              - { type: prepost_chart, kpis: [fcr] }

        """
    static let csv = "ticket_id,opened_at,fcr\nT1,2025-01-05T10:00:00+00:00,Y\nT2,2025-02-05T10:00:00+00:00,N\n"

    @Test func missingSpecFile() throws {
        try expectFailure(spec: "", status: 2, message: "broken.yaml: error: spec file")
    }

    @Test func yamlSyntaxError() throws {
        try expectFailure(spec: "version: 1\nreport:\n  title: [unclosed\n", status: 2, message: "error: YAML syntax error")
    }

    @Test func missingCSVFile() throws {
        try expectFailure(spec: Self.minimal, status: 3, message: "broken.yaml:6:11: error: cannot read data file")
    }

    @Test func missingColumn() throws {
        let csv = "ticket_id,opened_at,first_contact\nT1,2025-01-05T10:00:00+00:00,Y\n"
        try expectFailure(spec: Self.minimal, files: ["tickets.csv": csv], status: 3, message: "broken.yaml:13:31: error: KPI 'fcr' (built-in fcr) needs a column 'fcr'")
    }

    @Test func typoSuggestsAColumnTheSpecNeverMentions() throws {
        // The first read skips `handle_seconds` (the spec never mentions it); the failed evaluation is redone
        // on a full read, so the did-you-mean still finds it.
        let spec = Self.minimal.replacingOccurrences(of: "fcr: { label: FCR, builtin: fcr }", with: "aht: { label: AHT, formula: '=AVERAGE(handle_secs)' }")
            .replacingOccurrences(of: "kpis: [fcr]", with: "kpis: [aht]")
        let csv = "ticket_id,opened_at,fcr,handle_seconds\nT1,2025-01-05T10:00:00+00:00,Y,100\nT2,2025-02-05T10:00:00+00:00,N,200\n"
        try expectFailure(spec: spec, files: ["tickets.csv": csv], status: 2, message: "hint: did you mean `handle_seconds`?")
    }

    @Test func validSpecBuilds() throws {
        let folder = try EndToEnd.temporaryDirectory()
        try Self.csv.write(toFile: folder + "/tickets.csv", atomically: true, encoding: .utf8)
        try Self.minimal.write(toFile: folder + "/ok.yaml", atomically: true, encoding: .utf8)
        let run = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/ok.yaml"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }
}

/// Which files each output format writes.
@Suite(.enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct OutputFormatTests {
    @Test func pngIsOnePerChartAndPagesIsOnePerPage() throws {
        let folder = try EndToEnd.temporaryDirectory()
        try BadInputTests.csv.write(toFile: folder + "/tickets.csv", atomically: true, encoding: .utf8)
        try BadInputTests.minimal.write(toFile: folder + "/ok.yaml", atomically: true, encoding: .utf8)
        let charts = try EndToEnd.tally(["build", "--out", folder + "/a", "--format", "png", folder + "/ok.yaml"])
        #expect(charts.status == 0, "stderr: \(charts.stderr)")
        let chartFiles = try FileManager.default.contentsOfDirectory(atPath: folder + "/a/ok/charts")
        #expect(chartFiles.count == 1 && chartFiles.allSatisfy { $0.hasSuffix(".png") })
        #expect(!FileManager.default.fileExists(atPath: folder + "/a/ok/pages"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/a/ok/report.pdf"))
        let pages = try EndToEnd.tally(["build", "--out", folder + "/b", "--format", "pdf,pages", folder + "/ok.yaml"])
        #expect(pages.status == 0, "stderr: \(pages.stderr)")
        let pdfPages = try EndToEnd.poppler("pdfinfo", [folder + "/b/ok/report.pdf"]).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let pageFiles = try FileManager.default.contentsOfDirectory(atPath: folder + "/b/ok/pages").sorted()
        #expect(pdfPages.map { $0.split(separator: " ").last.map(String.init) } == "\(pageFiles.count)")
        #expect(pageFiles.first == "page-1.png")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder + "/b/ok/pages/page-1.png"))
        #expect(EndToEnd.pngSize(png) == (1240, 1754))  // A4 at 150 dpi
    }
}
