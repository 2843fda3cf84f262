import TallyCore
import Testing

@testable import TallySpec

@Suite struct FullSpecTests {
    @Test func theDesignExampleLoadsWithoutDiagnostics() throws {
        let (spec, diagnostics) = load(fullSpec)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() }.joined(separator: "\n"))")
        let loaded = try #require(spec)
        #expect(loaded.version == 1)
        #expect(loaded.report.title == "First contact resolution after the triage script")
        #expect(loaded.report.asOf == .date(CivilDate(year: 2026, month: 1, day: 5)))
        #expect(loaded.report.locale == .enGB)
        #expect(loaded.datasets.map(\.name.value) == ["tickets", "surveys"])
        #expect(loaded.kpis.map(\.id.value) == ["fcr", "csat", "aht", "complaints", "escalations"])
        #expect(loaded.allBlocks.count == 19)
    }

    @Test func percentLiteralsBecomeFractions() throws {
        let spec = try #require(load(fullSpec).0)
        let fcr = try #require(spec.kpi("fcr"))
        #expect(fcr.target?.value == 0.75)
        #expect(fcr.expected?.value == 0.72)
        #expect(spec.kpi("aht")?.target?.value == 420)
        let p90 = try #require(load(minimalSpec.replacingOccurrences(
            of: "fcr: { builtin: fcr, target: 75% }", with: "fcr: { builtin: resolution_p90, options: { percentile: 95% } }")).0)
        #expect(p90.kpis[0].options.map(\.value.value) == [0.95])
        #expect(p90.kpis[0].options.map(\.name.value) == ["percentile"])
    }

    @Test func referencesKeepTheirLocations() throws {
        let spec = try #require(load(fullSpec).0)
        let fcr = try #require(spec.kpi("fcr"))
        #expect(fcr.id.location == SourceLocation(file: "spec.yaml", line: 53, column: 3))
        guard case .builtin(let builtin, let columns) = fcr.definition else {
            Issue.record("fcr should be a built-in")
            return
        }
        #expect(builtin.value == .fcr)
        #expect(columns == [ColumnRole(role: "fcr", column: Located("first_contact_resolved", at: SourceLocation(file: "spec.yaml", line: 56, column: 21)))])
        // Line 40 is `  time: { tickets: opened_at, surveys: submitted_at }`.
        let phases = try #require(spec.phases)
        #expect(phases.time == Located("opened_at", at: SourceLocation(file: "spec.yaml", line: 40, column: 20)))
        #expect(phases.timeColumns.map(\.column.value) == ["opened_at", "submitted_at"])
        #expect(spec.timeColumn(for: try #require(spec.dataset(named: "surveys"))) == Located(
            "submitted_at", at: SourceLocation(file: "spec.yaml", line: 40, column: 40)))
        let tickets = try #require(spec.dataset(named: "tickets"))
        #expect(tickets.column(named: "opened_at")?.type == .datetime)
        #expect(tickets.column(named: "Customer Name")?.type == .text)
        #expect(tickets.filter?.value == #"=channel<>"test""#)
        #expect(tickets.computed.first?.formula.location == SourceLocation(file: "spec.yaml", line: 32, column: 19))
        #expect(spec.filePath(of: tickets) == "../SampleData/tickets.csv")
    }

    @Test func defaultsAreFilledIn() throws {
        let spec = try #require(load(fullSpec).0)
        let csat = try #require(spec.kpi("csat"))
        #expect(csat.format == .percent)
        #expect(csat.better == .higher)
        #expect(csat.impliedMethod == .proportion)
        #expect(csat.label == "csat")
        let surveys = try #require(spec.dataset(named: "surveys"))
        #expect(surveys.delimiter == .semicolon)
        #expect(surveys.missing == DatasetSpec.defaultMissing)
        #expect(spec.sections[1].id.value == "over-time")
        #expect(spec.output.formats == [.pdf, .png])
        #expect(OutputSpec().resolvedDirectory(specPath: "specs/fcr.yaml") == "out/fcr")
    }

    @Test func textTemplatesAreParsedAndLocated() throws {
        let spec = try #require(load(fullSpec).0)
        guard case .text(let block) = spec.sections[0].blocks[0].content else {
            Issue.record("first block should be text")
            return
        }
        let placeholders = block.template.placeholders
        #expect(placeholders.map(\.path) == [["fcr", "baseline"], ["fcr", "post"], ["fcr", "change"], ["params", "team"]])
        #expect(placeholders[2].filters == ["signed", "points"])
        #expect(placeholders[0].location == SourceLocation(file: "spec.yaml", line: 80, column: 48))
        #expect(placeholders[2].location == SourceLocation(file: "spec.yaml", line: 81, column: 12))
    }

    @Test func theMinimalSpecLoads() {
        let (spec, diagnostics) = load(minimalSpec)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.rendered() })")
        #expect(spec != nil)
    }
}
