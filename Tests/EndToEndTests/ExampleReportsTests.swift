import Foundation
import Testing
import TallyTestSupport

/// Every spec in ReportSpecs/ builds, and key numbers match values computed here straight from the CSVs.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct ExampleReportsTests {
    /// The example specs, sorted.
    static let specs: [String] = {
        let folder = TestPaths.inRepository("ReportSpecs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "ReportSpecs/" + $0 }
    }()

    /// One build of all examples into a scratch folder, shared by the tests below.
    static let built: (out: String, outcome: ProcessOutcome)? = {
        // Two jobs: DeterminismTests compares this build byte for byte with one made with --jobs 1.
        guard let out = try? EndToEnd.temporaryDirectory(), let outcome = try? EndToEnd.tally(["build", "--jobs", "2", "--out", out] + specs) else { return nil }
        return (out, outcome)
    }()

    static func results(_ name: String) throws -> [String: Any] {
        let out = try #require(built?.out)
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(name)/results.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyExampleBuildsWithEmbeddedFonts() throws {
        #expect(Self.specs.count >= 3)
        let built = try #require(Self.built)
        #expect(built.outcome.status == 0, "stderr: \(built.outcome.stderr)")
        for spec in Self.specs {
            let name = (spec as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            // A batch spec writes one folder per item; every report.pdf below the spec's folder is checked.
            let folder = "\(built.out)/\(name)"
            let pdfs = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix("report.pdf") }.map { folder + "/" + $0 }
            #expect(!pdfs.isEmpty, "\(spec) produced no PDF")
            for pdf in pdfs {
                let fonts = try EndToEnd.poppler("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
                #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(pdf): a font is not embedded")
            }
            #expect(built.outcome.stdout.contains("built \(name)"), "\(spec) missing from the summary")
        }
    }

    @Test func complaintEscalationMatchesTheCSV() throws {
        let text = try String(contentsOfFile: TestPaths.inRepository("SampleData/complaints.csv"), encoding: .utf8)
        var counts = [(0, 0), (0, 0)]
        for record in IndependentCSV.records(text) {
            guard let date = record["received_date"], let escalated = record["escalated"], !escalated.isEmpty else { continue }
            let phase = date >= "2025-01-06" && date <= "2025-07-06" ? 0 : (date >= "2025-07-07" && date <= "2026-01-04" ? 1 : -1)
            guard phase >= 0 else { continue }
            counts[phase].1 += 1
            if escalated == "Y" { counts[phase].0 += 1 }
        }
        let kpis = try #require(try Self.results("complaint-handling")["kpis"] as? [[String: Any]])
        let escalated = try #require(kpis.first { $0["id"] as? String == "escalated" })
        let values = (escalated["phases"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? Double }
        #expect(values.count == 2)
        #expect(abs(values[0] - Double(counts[0].0) / Double(counts[0].1)) < 1e-12)
        #expect(abs(values[1] - Double(counts[1].0) / Double(counts[1].1)) < 1e-12)
    }

    @Test func monitoringPackFlagsTheOutageWeek() throws {
        let monitoring = try #require(try Self.results("monitoring-pack")["monitoring"] as? [[String: Any]])
        let fcr = try #require(monitoring.first { $0["blockId"] as? String == "fcr-pprime" })
        let points = try #require(fcr["points"] as? [[String: Any]])
        let outage = try #require(points.firstIndex { $0["start"] as? String == "2025-03-10" })
        let signals = (fcr["chart"] as? [String: Any])?["signals"] as? [[String: Any]] ?? []
        let flagged = signals.filter { $0["rule"] as? String == "nhs.astronomical" }.flatMap { $0["points"] as? [Int] ?? [] }
        #expect(flagged.contains(outage), "the planted outage week (w/c 10 Mar 2025) should be beyond the limits")
        // Weekly FCR for that week, recomputed from the CSV, equals the charted value.
        let expected = try IndependentFCR.week(starting: "2025-03-10")
        let value = try #require(points[outage]["value"] as? Double)
        #expect(abs(value - expected) < 1e-12)
    }
}
