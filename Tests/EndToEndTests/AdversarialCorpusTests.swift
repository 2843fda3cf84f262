import Foundation
import Tally
import TallyCore
import Testing
import TallyTestSupport

/// Bad inputs through the whole build (issue #13, item 2): each ends in a clear, located error with the
/// documented exit code, or a documented result; none crashes, hangs or writes a half report.
@Suite(.enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct AdversarialCorpusTests {
    /// A spec over `data.csv` with a KPI `formula` and the given blocks.
    static func spec(formula: String = "=AVERAGE(handle)", from: String = "2025-01-01", to: String = "2025-02-28",
                     batch: String = "", blocks: String = "- { type: prepost_chart, id: c, kpis: [fcr] }") -> String {
        """
        version: 1
        report: { title: Hostile, as_of: 2025-03-01 }
        data:
          t: { file: data.csv, columns: { opened_at: date, fcr: boolean, handle: number } }
        phases:
          time: opened_at
          periods:
            - { id: baseline, label: Before, from: \(from), to: 2025-01-31 }
            - { id: post, label: After, from: 2025-02-01, to: \(to) }
        kpis:
          fcr: { label: FCR, builtin: fcr }
          aht: { label: AHT, formula: '\(formula)', format: number, better: lower, method: mean }
        \(batch)
        sections:
          - title: S
            blocks:
              \(blocks)
        output: { formats: [pdf] }

        """
    }

    static let csv = "opened_at,fcr,handle,team\n2025-01-05,Y,100,A\n2025-01-20,N,120,B\n2025-02-05,Y,90,A\n2025-02-20,N,80,C\n"

    /// A folder holding `s.yaml` and `data.csv`.
    static func folder(spec: String, csv: String = csv) throws -> String {
        let folder = try EndToEnd.temporaryDirectory()
        try csv.write(toFile: folder + "/data.csv", atomically: true, encoding: .utf8)
        try spec.write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// Builds `s.yaml` in a new folder with the CLI.
    static func build(spec: String, csv: String = csv, _ extra: [String] = []) throws -> (ProcessOutcome, String) {
        let folder = try folder(spec: spec, csv: csv)
        return (try EndToEnd.tally(["build", "--out", folder + "/out"] + extra + [folder + "/s.yaml"]), folder)
    }

    @Test func formulaNestedTenThousandDeepIsAnErrorInTheSpec() throws {
        let deep = "=" + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let (run, folder) = try Self.build(spec: Self.spec(formula: deep))
        #expect(run.status == 2)
        #expect(run.stderr.contains("s.yaml:12:"), "\(run.stderr)")
        #expect(run.stderr.contains("error: the formula is 20002 characters long, more than the limit of 8192"), "\(run.stderr)")
        let nested = "=" + String(repeating: "ABS(", count: 300) + "handle" + String(repeating: ")", count: 300)
        let (again, _) = try Self.build(spec: Self.spec(formula: nested))
        #expect(again.status == 2)
        #expect(again.stderr.contains("error: the formula nests more than 100 levels deep"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func notANumberInADeclaredNumberColumnNamesTheLine() throws {
        let (run, _) = try Self.build(spec: Self.spec(), csv: Self.csv + "2025-02-21,Y,NaN,A\n2025-02-22,Y,inf,A\n")
        #expect(run.status == 3)
        #expect(run.stderr.contains("data.csv:6:"), "\(run.stderr)")
    }

    @Test func yearZeroAndNineThousandNineHundredNinetyNine() throws {
        // Documented: the dates are read, and a chart spanning them is refused rather than cut short.
        let edges = Self.csv + "0000-01-01,Y,10,A\n9999-12-31,N,20,A\n"
        let (plain, _) = try Self.build(spec: Self.spec(from: "0000-01-01", to: "9999-12-31"), csv: edges)
        #expect(plain.status == 0, "\(plain.stderr)")
        let weekly = "- { type: control_chart, id: x, kpi: aht, chart: xmr, period: week }"
        let (run, _) = try Self.build(spec: Self.spec(from: "0000-01-01", to: "9999-12-31", blocks: weekly), csv: edges)
        #expect(run.status == 3)
        #expect(run.stderr.contains("error: control_chart 'x' would have more than 10000 points, one per week from 0000-01-01 to 9999-12-31"), "\(run.stderr)")
        // Every other block with a series refuses the same span rather than showing its first 10,000 periods only.
        let multiples = "- { type: small_multiples, id: m, kpi: aht, by: team, period: week }"
        let (cut, _) = try Self.build(spec: Self.spec(from: "0000-01-01", to: "9999-12-31", blocks: multiples), csv: edges)
        #expect(cut.status == 3)
        #expect(cut.stderr.contains("error: small_multiples 'm' would have more than 10000 points, one per week"), "\(cut.stderr)")
        let tiles = "- { type: kpi_tiles, id: t, kpis: [aht] }"
        let (tiled, _) = try Self.build(spec: Self.spec(from: "0000-01-01", to: "9999-12-31", blocks: tiles), csv: edges)
        #expect(tiled.status == 3)
        #expect(tiled.stderr.contains("error: kpi_tiles 't' would have more than 10000 points, one per week"), "\(tiled.stderr)")
        #expect(tiled.stderr.contains("s.yaml:"), "\(tiled.stderr)")
        // A monthly series over the same span has 119,988 points: refused as well; yearly ones would not be.
        let monthly = "- { type: small_multiples, id: m, kpi: aht, by: team, period: month }"
        let (months, _) = try Self.build(spec: Self.spec(from: "0000-01-01", to: "9999-12-31", blocks: monthly), csv: edges)
        #expect(months.status == 3)
        #expect(months.stderr.contains("one per month"), "\(months.stderr)")
    }

    @Test func validateFindsWhatABuildWouldBeforeRendering() throws {
        // A formula too deep to compile, a KPI over a column the data lack and a series too long all pass the header
        // check; `tally validate` evaluates the report and names each, writing nothing. --headers-only does not.
        let nested = "=" + String(repeating: "ABS(", count: 300) + "handle" + String(repeating: ")", count: 300)
        let deep = try Self.folder(spec: Self.spec(formula: nested))
        let run = try EndToEnd.tally(["validate", deep + "/s.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: the formula nests more than 100 levels deep"), "\(run.stderr)")
        let quick = try EndToEnd.tally(["validate", "--headers-only", deep + "/s.yaml"])
        #expect(quick.status == 0, "\(quick.stderr)")
        let typo = try Self.folder(spec: Self.spec(formula: "=AVERAGE(handel)"))
        let misspelt = try EndToEnd.tally(["validate", typo + "/s.yaml"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("s.yaml:12:"), "\(misspelt.stderr)")
        #expect(misspelt.stderr.contains("handle"), "\(misspelt.stderr)")  // the did-you-mean
        let long = try Self.folder(
            spec: Self.spec(from: "0000-01-01", to: "9999-12-31", blocks: "- { type: run_chart, id: r, kpi: aht, period: day }"),
            csv: Self.csv + "0000-01-01,Y,10,A\n")
        let span = try EndToEnd.tally(["validate", long + "/s.yaml"])
        #expect(span.status == 2)
        #expect(span.stderr.contains("error: run_chart 'r' would have more than 10000 points"), "\(span.stderr)")
        let good = try Self.folder(spec: Self.spec())
        let valid = try EndToEnd.tally(["validate", good + "/s.yaml"])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout.contains("s.yaml: valid"), "\(valid.stdout)")
        for folder in [deep, typo, long, good] { #expect(!FileManager.default.fileExists(atPath: folder + "/out")) }
    }

    @Test func aliasBombAndDeepYAML() throws {
        var bomb = "version: 1\n"
        bomb += "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n" }
        let (run, _) = try Self.build(spec: bomb)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: YAML aliases expand to more than 100000 values"), "\(run.stderr)")
        let (deep, _) = try Self.build(spec: "version: 1\nreport: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n")
        #expect(deep.status == 2)
        #expect(deep.stderr.contains("error: the YAML nests more than 64 levels deep"), "\(deep.stderr)")
    }

    @Test func endlessDeviceAsDataOrSpecIsRefused() throws {
        let (run, _) = try Self.build(spec: Self.spec().replacingOccurrences(of: "file: data.csv", with: "file: /dev/zero"))
        #expect(run.status == 3)
        #expect(run.stderr.contains("/dev/zero"), "\(run.stderr)")
        #expect(run.stderr.contains("is not a regular file"), "\(run.stderr)")
        let spec = try EndToEnd.tally(["validate", "/dev/zero"])
        #expect(spec.status == 2)
    }

    @Test func memoryBudgetPerDataset() throws {
        let (run, folder) = try Self.build(spec: Self.spec(), ["--max-dataset-memory", "200"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("s.yaml:4:"), "\(run.stderr)")
        #expect(run.stderr.contains("dataset 't'"), "\(run.stderr)")
        #expect(run.stderr.contains("over its memory budget"), "\(run.stderr)")
        #expect(run.stderr.contains("the budget is 200 bytes"), "\(run.stderr)")
        #expect(run.stderr.contains("--max-dataset-memory"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let ok = try EndToEnd.tally(["build", "--max-dataset-memory", "64M", "--out", folder + "/out", folder + "/s.yaml"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let bad = try EndToEnd.tally(["build", "--max-dataset-memory", "lots", folder + "/s.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-dataset-memory 'lots' is not a size"))
    }

    /// Builds with the library so limits can be lowered to fit a small spec.
    static func libraryBuild(_ spec: String, limits: Limits) throws -> Result<BuildSummary, DiagnosticError> {
        let folder = try folder(spec: spec)
        return ReportBuilder.build(BuildRequest(specPath: folder + "/s.yaml", outputDirectory: folder + "/out", limits: limits), world: LocalWorld())
    }

    @Test func chartPageAndBatchLimits() throws {
        let twoCharts = "- { type: prepost_chart, id: c, kpis: [fcr] }\n      - { type: prepost_chart, id: d, kpis: [aht] }"
        guard case .failure(let charts) = try Self.libraryBuild(Self.spec(blocks: twoCharts), limits: Limits(maxCharts: 1)) else {
            Issue.record("two charts built under a limit of one")
            return
        }
        #expect(charts.diagnostics.first?.message == "the report has 2 charts, more than the limit of 1")
        guard case .failure(let pages) = try Self.libraryBuild(Self.spec(), limits: Limits(maxPages: 1)) else {
            Issue.record("two pages built under a limit of one")
            return
        }
        #expect(pages.diagnostics.first?.message == "the report has 2 pages, more than the limit of 1")
        guard case .failure(let batch) = try Self.libraryBuild(Self.spec(batch: "batch: { for_each: team }"), limits: Limits(maxBatchItems: 2)) else {
            Issue.record("three batch items built under a limit of two")
            return
        }
        let problem = try #require(batch.diagnostics.first)
        #expect(problem.message == "batch.for_each 'team' has 3 distinct values, more than the limit of 2 reports per spec")
        #expect(problem.location?.line == 13)
    }
}
