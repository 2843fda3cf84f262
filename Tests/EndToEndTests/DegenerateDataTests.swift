import Foundation
import Testing
import TallyTestSupport

/// Degenerate data (one row, no rows) never crashes and never prints NaN: every number has a reason instead.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct DegenerateDataTests {
    static func spec(data: String) -> String {
        """
        version: 1
        report: { title: Degenerate, as_of: 2025-03-01 }
        data:
          t: { file: \(data), columns: { opened_at: datetime, fcr: boolean, handle: number, nps: integer } }
        phases:
          time: opened_at
          periods:
            - { id: baseline, label: Before, from: 2025-01-01, to: 2025-01-31 }
            - { id: post, label: After, from: 2025-02-01, to: 2025-02-28 }
        kpis:
          fcr: { label: FCR, builtin: fcr, target: 50% }
          aht: { label: AHT, formula: '=AVERAGE(handle)', format: number, better: lower, method: mean }
          med: { label: Median handle, formula: '=MEDIAN(handle)', format: number, better: lower, method: median }
          nps: { label: NPS, builtin: nps }
        sections:
          - title: S
            blocks:
              - { type: findings, kpis: [fcr, aht, med, nps] }
              - { type: prepost_chart, id: c, kpis: [fcr] }
              - { type: variance_table, kpis: [fcr, aht, med, nps] }
              - { type: control_chart, id: x, kpi: aht, chart: xmr, period: week }
              - { type: kpi_tiles, kpis: [fcr, aht] }
              - { type: distribution, id: d, kpi: aht, kind: boxplot }
        output: { formats: [pdf, png, svg] }

        """
    }

    @Test(arguments: [
        ("one-row", "ticket_id,opened_at,fcr,handle,nps\nT1,2025-01-05T10:00:00Z,Y,100,10\n"),
        ("no-rows", "ticket_id,opened_at,fcr,handle,nps\n"),
        ("constant", "ticket_id,opened_at,fcr,handle,nps\n" + (0..<40).map { "T\($0),2025-0\($0 % 2 + 1)-1\($0 % 9)T10:00:00Z,Y,100,10" }.joined(separator: "\n") + "\n"),
    ])
    func buildsWithReasonsInsteadOfNumbers(_ name: String, _ csv: String) throws {
        let folder = try EndToEnd.temporaryDirectory()
        try csv.write(toFile: folder + "/data.csv", atomically: true, encoding: .utf8)
        try Self.spec(data: "data.csv").write(toFile: folder + "/s.yaml", atomically: true, encoding: .utf8)
        let run = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/s.yaml"])
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let json = try String(contentsOfFile: folder + "/out/s/results.json", encoding: .utf8)
        #expect(!json.contains("NaN") && !json.contains("Infinity"), "\(name): results.json holds a non-number")
        let text = try EndToEnd.poppler("pdftotext", [folder + "/out/s/report.pdf", "-"])
        #expect(!text.contains("NaN") && !text.contains("inf%"), "\(name): the PDF prints a non-number")
        if name != "constant" { #expect(text.contains("cannot be compared"), "\(name): no reason given") }
    }
}
