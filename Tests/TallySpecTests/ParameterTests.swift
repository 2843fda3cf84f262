import TallyCore
import Testing

@testable import TallySpec

/// `--param name=value` overrides resolved against the spec's `params:`.
@Suite struct ParameterTests {
    let spec = """
        version: 1
        report: { title: "FCR for {{ params.team }}" }
        params:
          team: { type: text, default: All teams }
          min_contacts: { type: number, default: 30 }
          cutover: { type: date }
          show_quotes: { type: boolean, default: "no" }
        data: { t: { file: t.csv } }
        sections: []
        """

    @Test func defaultsAndOverridesCombine() throws {
        let loaded = try #require(load(spec).0)
        let (values, diagnostics) = loaded.parameterValues(overrides: ["team": "Team B", "cutover": "2025-07-07"])
        #expect(diagnostics.isEmpty)
        #expect(values == [
            "team": .text("Team B"), "min_contacts": .number(30), "cutover": .date(CivilDate(year: 2025, month: 7, day: 7)),
            "show_quotes": .boolean(false),
        ])
    }

    @Test func mistakesAreUsageErrors() throws {
        let loaded = try #require(load(spec).0)
        let (_, diagnostics) = loaded.parameterValues(overrides: ["taem": "B", "min_contacts": "thirty"])
        #expect(diagnostics.map(\.message) == [
            "--param min_contacts=thirty: 'thirty' is not a number",
            "--param taem: the spec has no parameter 'taem'",
            "parameter 'cutover' has no default, so it must be given",
        ])
        #expect(diagnostics.map(\.hint) == ["e.g. 30", "did you mean 'team'?", "pass `--param cutover=…` (a date, e.g. 2025-07-07) or add `default:` to the spec"])
        #expect(diagnostics.allSatisfy { $0.category == .usage })
        #expect(diagnostics[2].location == SourceLocation(file: "spec.yaml", line: 6, column: 3))
    }

    @Test func aDefaultOfTheWrongTypeIsASpecError() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            params:
              min_contacts: { type: number, default: thirty }
            #                                        ^ error: the default 'thirty' is not a number
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func percentTargetsOfNonPercentKPIsAreFlagged() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            kpis:
              aht: { builtin: aht, target: 75% }
            #                              ^ warning: the target of KPI 'aht' is written as a percentage, but the KPI is shown as duration
            sections: []
            """)
    }
}
