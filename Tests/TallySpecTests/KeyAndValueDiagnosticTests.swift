import TallyCore
import Testing

@testable import TallySpec

/// Broken specs, each with the diagnostics it must produce written beside the offending line.
@Suite struct KeyAndValueDiagnosticTests {
    @Test func unknownKeySuggestsTheClosestKey() {
        expectDiagnostics("""
            version: 1
            report:
              titel: FCR
            # ^ error: unknown key 'titel' in 'report'
            # hint: did you mean 'title'?
              subtitle: Baseline vs post
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func unknownTopLevelKeyListsAllowedKeysWhenNothingIsClose() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            sections: []
            colours: blue
            # error@1: unknown key 'colours' in the spec
            # hint: allowed keys here: 'version', 'report', 'params', 'data', 'phases', 'kpis', 'sections', 'evidence', 'batch', 'output'
            """)
    }

    @Test func duplicateKeysAreAllReportedAndLoadingContinues() {
        expectDiagnostics("""
            version: 1
            report:
              title: FCR
              title: FCR again
            # ^ error: duplicate key 'title' (already set on line 3)
              locale: fr-FR
            #         ^ error: 'fr-FR' is not a valid 'locale'; use 'en-GB' or 'en-US'
            data: { t: { file: t.csv } }
            data: { u: { file: u.csv } }
            # error@1: duplicate key 'data' (already set on line 8)
            sections: []
            """)
    }

    @Test func badEnumValueListsAllowedValuesAndSuggests() {
        expectDiagnostics(minimalSpec + """
            output:
              formats: [pdf, jpg]
            #                ^ error: 'jpg' is not a valid 'format'; use 'pdf', 'png', 'svg' or 'pages'
              theme: Print
            #        ^ error: 'Print' is not a valid 'theme'; use 'default', 'print' or 'compact'
            # hint: did you mean 'print'?
              dpi: 1200
            #      ^ error: 'dpi' should be a whole number from 72 to 600, found 1200
            """)
    }

    @Test func keysWrittenInTheWrongPartSayWhereTheyBelong() {
        expectDiagnostics("""
            version: 1
            title: FCR
            # error@1: unknown key 'title' in the spec
            # hint: 'title' is a key under `report:`, of a section, of text blocks, …; check the indentation or the part it is in
            report: { title: FCR, dpi: 300 }
            #                     ^ error: unknown key 'dpi' in 'report'
            # hint: 'dpi' is a key under `output:`; check the indentation or the part it is in
            data: { t: { file: t.csv } }
            kpis: { fcr: { builtin: fcr } }
            sections:
              - title: A
                blocks:
                  - { type: trend_chart, kpi: fcr, chart: p }
            #                                      ^ error: unknown key 'chart' in this trend_chart block
            # hint: 'chart' is a key of control_chart blocks; check the indentation or the part it is in
            """)
    }

    @Test func wrongShapesSayWhatWasExpected() {
        expectDiagnostics("""
            version: 1
            report:
              title: FCR
              keywords: FCR
            #           ^ error: 'keywords' should be a list of text values, found 'FCR'
            # hint: write a list, e.g. `keywords: [FCR]`
            data:
              tickets: tickets.csv
            #          ^ error: 'tickets' should be a mapping of settings (key: value lines), found a single value
            # hint: write `tickets: { file: tickets.csv }`
            sections:
              title: Summary
            # ^ error: 'sections' should be a list of mappings, found a mapping (key: value lines)
            # hint: start each item with '- ', e.g. `- title: …` on the line below `sections:`
            """)
    }

    @Test func aListWhereNamedEntriesBelongSaysSo() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data:
              - tickets: { file: t.csv }
            # ^ error: 'data' should be a mapping of names to settings, found a list
            # hint: write one `name: settings` line per entry under `data:`, without '- ' in front
            sections: []
            """)
    }

    @Test func missingVersionSaysHowToFixIt() {
        expectDiagnostics("""
            report: { title: FCR }
            # error@1: the spec does not say which version of the spec format it uses
            # hint: add `version: 1` as the first line
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func otherVersionsAreRefused() {
        expectDiagnostics("""
            version: 2
            #        ^ error: this Tally reads spec version 1, but the spec says version 2
            report: { title: FCR }
            data: { t: { file: t.csv } }
            sections: []
            """)
    }

    @Test func missingRequiredKeysPointAtTheirParent() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data:
              tickets:
            # ^ error: 'tickets' is missing the required key 'file'
                delimiter: ";"
            sections:
              - blocks: []
            #   ^ error: this section is missing the required key 'title'
            """)
    }

    @Test func datesMustBeISOWithAnExample() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR, as_of: 5 Jan 2026 }
            #                            ^ error: 'as_of' cannot be '5 Jan 2026': it should be a date written YYYY-MM-DD, or the word 'latest-data'
            data: { t: { file: t.csv } }
            phases:
              time: opened_at
              periods:
                - { id: baseline, from: 2025-1-6, to: 2025-07-06 }
            #                           ^ error: 'from' should be a date written YYYY-MM-DD, found '2025-1-6'
            # hint: write months and days with two digits: 2025-01-06
                - { id: post, from: 07/07/2025, to: 2025-02-30 }
            #                       ^ error: 'from' should be a date written YYYY-MM-DD, found '07/07/2025'
            # hint: write dates as YYYY-MM-DD: did you mean 2025-07-07?
            #                                       ^ error: 'to' should be a date written YYYY-MM-DD, found '2025-02-30'
            # hint: 2025-02-30 is not a day of the calendar; write dates as YYYY-MM-DD, e.g. 2025-07-06
            sections: []
            """)
    }

    @Test func percentagesAndNumbers() {
        expectDiagnostics("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            kpis:
              fcr:
                builtin: fcr
                target: 75
            #           ^ error: the target of percentage KPI 'fcr' is 75, outside 0–100%
            # hint: write it as a percentage: `target: 75%`
                expected: lots
            #             ^ error: 'expected' should be a number or a percentage like 75%, found 'lots'
                decimals: 1.5
            #             ^ error: 'decimals' should be a whole number from 0 to 6, found '1.5'
            sections: []
            """)
    }
}
