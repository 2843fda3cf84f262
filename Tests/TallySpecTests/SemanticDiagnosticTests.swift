import TallyCore
import Testing

@testable import TallySpec

/// Problems between parts of a spec: references, phase order, KPI definitions, chart fit, templates, ids.
@Suite struct SemanticDiagnosticTests {
    @Test func referencesToUnknownKPIsPhasesAndDatasetsSuggestNames() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data:
              tickets: { file: tickets.csv }
              surveys: { file: surveys.csv }
            phases:
              dataset: ticket
            #          ^ error: unknown dataset 'ticket'
            # hint: did you mean 'tickets'?
              time: opened_at
              periods:
                - { id: baseline, from: 2025-01-06, to: 2025-07-06 }
                - { id: post, from: 2025-07-07 }
            kpis:
              fcr: { builtin: fcr }
            # ^ error: the spec has 2 datasets, so KPI 'fcr' must say which one it uses
            # hint: add `dataset: tickets` (datasets: tickets, surveys)
            sections:
              - title: Summary
                blocks:
                  - type: variance_table
                    kpis: [fcr, fcrr]
            #                   ^ error: unknown KPI 'fcrr'
            # hint: did you mean 'fcr'?
                    phases: [baseline, pots]
            #                          ^ error: unknown phase 'pots'
            # hint: did you mean 'post'?
            """)
    }

    @Test func phaseDatesMustBeConsistent() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR, as_of: 2025-12-31 }
            data: { t: { file: t.csv } }
            phases:
              time: opened_at
              periods:
                - { id: baseline, from: 2025-01-06 }
            #     ^ error: phase 'baseline' has no 'to' date, but only the last phase may be open-ended
                - { id: pilot, from: 2025-08-01, to: 2025-07-30 }
            #                                        ^ error: 'to' (2025-07-30) is before 'from' (2025-08-01)
                - { id: post, from: 2025-09-01, to: 2025-10-01 }
                - { id: post, from: 2026-02-01, to: 2026-03-01 }
            #           ^ error: the phase id 'post' is already used on line 11
            #     ^ error: phase 'post' starts on 2026-02-01, after the report's as_of date 2025-12-31
                - { id: rolling, last: 12 weeks, from: 2025-01-01 }
            #                    ^ error: a phase has either 'from'/'to' dates or 'last', not both
                - { id: undated, label: Someday }
            #     ^ error: phase 'undated' has no dates
                - { id: recent, last: 12 fortnights }
            #                         ^ error: 'last' should be a length of time like '12 weeks', found '12 fortnights'
              exclude:
                - { from: 2025-03-16, to: 2025-03-10, reason: Outage }
            #                             ^ error: 'to' (2025-03-10) is before 'from' (2025-03-16)
            sections: []
            """)
    }

    @Test func overlapAndOrderAreReportedAtTheLaterPhase() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            phases:
              time: opened_at
              periods:
                - { id: baseline, from: 2025-01-06, to: 2025-07-06 }
                - { id: post, from: 2025-07-01, to: 2025-09-30 }
            #     ^ error: phase 'post' starts on 2025-07-01, but phase 'baseline' runs until 2025-07-06; phases must not overlap
                - { id: early, from: 2024-01-01, to: 2024-02-01 }
            #     ^ error: phase 'early' starts before phase 'post'; phases must be listed in date order
            sections: []
            """)
    }

    @Test func kpisNeedExactlyOneOfBuiltinAndFormula() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            kpis:
              fcr:
                builtin: fcr
                formula: '=COUNTIF(fcr,TRUE)/COUNT(fcr)'
            #   ^ error: KPI 'fcr' has both 'builtin' and 'formula'
              aht:
            # ^ error: KPI 'aht' says neither what to compute: add 'builtin' or 'formula'
                label: Average handle time
              csat:
                builtin: csat
                columns: { csta: q1 }
            #              ^ error: built-in KPI 'csat' has no input 'csta'; its inputs are 'csat'
            # hint: did you mean 'csat'?
              complaints:
                builtin: complaints_per_1000
                columns: { complaints: is_complaint }
            #              ^ error: built-in KPI 'complaints_per_1000' has no input 'complaints'; its inputs are 'complaint' or 'contact_id'
            # hint: did you mean 'complaint'?
              sla:
                builtin: sla
                options: { sla_hour: 8, target: 90% }
            #              ^ error: built-in KPI 'sla' has no option 'sla_hour'; its options are 'sla_hours'
            # hint: did you mean 'sla_hours'?
            #                           ^ error: built-in KPI 'sla' has no option 'target'; its options are 'sla_hours'
              own:
                formula: '=COUNT(x)'
                options: { sla_hours: 8 }
            #   ^ error: 'options' applies to built-in KPIs, but this KPI uses a formula
              esc:
                formula: COUNT(escalated)
            #            ^ error: 'formula' should be a formula starting with '=', found 'COUNT(escalated)'
              nps: { builtin: NPS }
            #                 ^ error: 'NPS' is not a valid 'builtin'; use 'csat', 'nps', 'ces', 'fcr', 'sla', 'aht', 'median_handle_time', 'resolution_median', 'resolution_p90', 'complaints_per_1000', 'repeat_rate', 'abandonment_rate', 'mystery_score' or 'servqual_gap'
            # hint: did you mean 'nps'?
            sections: []
            """)
    }

    @Test func controlChartsMustFitTheirKPI() {
        expectDiagnostics(minimalSpec.replacingOccurrences(of: "fcr: { builtin: fcr, target: 75% }", with: """
            fcr: { builtin: fcr, target: 75% }
              aht: { builtin: aht }
            """) + """
                  - { type: control_chart, kpi: aht, chart: p }
            #                                               ^ error: a p chart needs a proportion KPI, but 'aht' is a mean
            # hint: for a mean KPI use `chart:` 'xmr', 'xbar_r' or 'xbar_s'
                  - { type: control_chart, kpi: fcr, chart: u }
            #                                               ^ error: a u chart needs a rate KPI, but 'fcr' is a proportion
            # hint: for a proportion KPI use `chart:` 'xmr', 'p', 'np' or 'p_prime'
                  - { type: control_chart, kpi: fcr, chart: p, rules: nelsen }
            #                                                         ^ error: 'nelsen' is not a valid 'rules'; use 'nhs', 'western-electric' or 'nelson'
            # hint: did you mean 'nelson'?
            """)
    }

    @Test func templatesAreChecked() {
        expectDiagnostics(minimalSpec + """
                  - type: text
                    text: "FCR went from {{ fcr.baseline | percent }} to {{ fcr.pots | percentt }}."
            #                                                            ^ error: {{ fcr.pots | percentt }}: 'fcr' has no value 'pots'
            # hint: did you mean 'post'?
            #                                                            ^ error: {{ fcr.pots | percentt }}: unknown filter 'percentt'
            # hint: did you mean 'percent'?
                  - type: text
                    text: For {{ params.team }} and {{ csat.post }}, see {{ fcr.post
            #                 ^ error: unknown parameter 'team'
            # hint: the spec defines no parameters
            #                                       ^ error: {{ csat.post }}: there is no KPI 'csat'
            #                                                            ^ error: '{{' is not closed with '}}'
                  - type: text
                    title: "Report for {{ report.titel }}"
            #                          ^ error: {{ report.titel }}: 'report' has no value 'titel'
            # hint: did you mean 'title'?
                    text: "{{ fcr }} and {{ fcr.post.x }}"
            #              ^ error: {{ fcr }} does not name a value
            # hint: write it like {{ fcr.post }}
            #                            ^ error: {{ fcr.post.x }} does not name a value
            """)
    }

    @Test func placeholdersInsideLiteralBlocksAreLocated() {
        let yaml = minimalSpec + """
                  - type: text
                    text: |
                      Line one.
                        Indented {{ fcr.base }} here.
            """
        let (_, diagnostics) = load(yaml)
        #expect(diagnostics.map(\.message) == ["{{ fcr.base }}: 'fcr' has no value 'base'"])
        // minimalSpec has 18 lines; line 22 is "            Indented {{ fcr.base }} here." (12 spaces + 9 characters).
        #expect(diagnostics.first?.location == SourceLocation(file: "spec.yaml", line: 22, column: 22))
    }

    @Test func idsMustBeUniqueAndEvidenceMustResolve() {
        expectDiagnostics(minimalSpec + """
                  - { type: trend_chart, id: fcr-trend, kpi: fcr }
                  - { type: run_chart, id: fcr-trend, kpi: fcr }
            #                              ^ error: the block id 'fcr-trend' is already used on line 19
              - title: Summary
            #          ^ error: the section id 'summary' is already used on line 15
                blocks: [ { type: page_break } ]
            evidence:
              criteria:
                - { id: "3.1", text: Evaluate, evidenced_by: [summry, fcr-trend] }
            #                                                 ^ error: unknown section or block id 'summry'
            # hint: did you mean 'summary'?
            """)
    }

    @Test func datasetSettingsMustAgree() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR, timezone: Europe/Londn }
            #                               ^ error: unknown time zone 'Europe/Londn'
            # hint: did you mean 'Europe/London'?
            data:
              t:
            # ^ error: 'decimal' and 'thousands' are both ','
                file: t.csv
                decimal: ","
                thousands: ","
                columns:
                  score: { type: number, format: dd/MM/yyyy }
            #                                    ^ error: 'format' applies to date and datetime columns, but 'score' is number
                  opened: { type: datetime, timezone: Mars/Base }
            #                                         ^ error: unknown time zone 'Mars/Base'
                  kind: colour
            #           ^ error: 'colour' is not a valid 'kind'; use 'text', 'category', 'number', 'integer', 'boolean', 'date' or 'datetime'
            sections: []
            """)
    }

    @Test func blocksWithMissingOrConflictingKeys() {
        expectDiagnostics(minimalSpec + """
                  - { type: distribution, kpi: fcr, column: handle_time }
            #                                               ^ error: a distribution shows either a KPI or a column, not both
                  - { type: likert, column: q1, scale: 5, labels: [Bad, Good] }
            #       ^ error: 'labels' has 2 labels but the scale has 5 points
                  - { type: pareto, category: reason, threshold: 180% }
            #       ^ error: 'threshold' must be between 0% and 100%
                  - { type: chart, kpi: fcr }
            #               ^ error: 'chart' is not a valid 'type'; use 'text', 'kpi_tiles', 'variance_table', 'prepost_chart', 'trend_chart', 'control_chart', 'run_chart', 'pareto', 'distribution', 'likert', 'servqual_gap', 'small_multiples', 'table', 'quotes', 'findings' or 'page_break'
                  - { kpi: fcr }
            #       ^ error: this block has no 'type'
                  - { type: trend_chart, kpi: fcr, colour: red }
            #                                      ^ error: unknown key 'colour' in this trend_chart block
            """)
    }

    @Test func everyKPIDatasetNeedsATimeColumnWhenThereArePhases() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data:
              tickets: { file: tickets.csv }
              surveys: { file: surveys.csv }
            phases:
              time: { tickets: opened_at }
              periods: [ { id: baseline, from: 2025-01-06, to: 2025-07-06 }, { id: post, from: 2025-07-07 } ]
            kpis:
              fcr: { builtin: fcr, dataset: tickets }
              csat: { builtin: csat, dataset: surveys }
            #                                 ^ error: KPI 'csat' uses dataset 'surveys', but 'phases' has no time column for it
            # hint: name a time column per dataset: `time: { tickets: opened_at, surveys: <date column> }`
            sections: []
            """)
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data:
              tickets: { file: tickets.csv }
              surveys: { file: surveys.csv }
            phases:
              dataset: tickets
            #          ^ error: 'dataset' is not used when 'time' names a column per dataset
              time: { tickets: opened_at, survey: submitted_at }
            #                             ^ error: unknown dataset 'survey'
            # hint: did you mean 'surveys'?
              periods: [ { id: baseline, from: 2025-01-06 } ]
            sections: []
            """)
    }

    @Test func withOneTimeColumnEveryDatasetIsPlacedByThatName() throws {
        let spec = try #require(load("""
            version: 1
            report: { title: FCR }
            data:
              tickets: { file: tickets.csv }
              surveys: { file: surveys.csv }
            phases:
              dataset: tickets
              time: opened_at
              periods: [ { id: baseline, from: 2025-01-06 } ]
            kpis:
              csat: { builtin: csat, dataset: surveys }
            sections: []
            """).0)
        let surveys = try #require(spec.dataset(named: "surveys"))
        #expect(spec.timeColumn(for: surveys)?.value == "opened_at")
        #expect(spec.phases?.hasTimePerDataset == false)
    }

    @Test func latestDataNeedsPhases() {
        expectDiagnostics("""
            version: 1
            report:
              title: FCR
            # ^ error: `as_of: latest-data` needs phases, but the spec has no 'phases'
              as_of: latest-data
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func idsAreCheckedAndSectionIdsAreMadeValid() throws {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            phases:
              time: opened_at
              periods:
                - { id: 3.1, from: 2025-01-06 }
            #           ^ error: '3.1' cannot be used as 'id': ids use letters, digits, '_' or '-' and start with a letter
            # hint: e.g. 'id-3-1'
            sections: []
            """)
        let spec = try #require(load(minimalSpec + "  - { title: 2025 results, blocks: [] }\n  - { title: '???', blocks: [] }\n").0)
        #expect(spec.sections.map(\.id.value) == ["summary", "section-2025-results", "section"])
    }
}
