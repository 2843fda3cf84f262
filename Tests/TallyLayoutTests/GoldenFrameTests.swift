import Testing
import TallyCharts
import TallyGraphics
@testable import TallyLayout

/// Golden frame dumps: every position, size, font and colour of a small page, reviewed by eye once.
@Suite struct GoldenFrameTests {
    static func smallPage() -> Frame? {
        let table = TableModel(
            caption: "Calls",
            columns: [TableModel.Column("Team"), TableModel.Column("Calls", format: .integer), TableModel.Column("Change", format: .percent, signed: true)],
            rows: [[TableModel.Cell("North"), TableModel.Cell(value: 1200), TableModel.Cell(value: 0.08)], [TableModel.Cell("South"), TableModel.Cell(value: 950), TableModel.Cell(value: -0.01)]],
            totals: [TableModel.Cell("Total"), TableModel.Cell(value: 2150), TableModel.Cell(value: 0.04)],
            rules: [ConditionalRule(column: 2, condition: .above(0.05), color: Theme.standard.improvement, symbol: "▲", label: "above +5%")])
        let geometry = PageGeometry(paper: Size(300, 260), landscape: false, marginTop: 30, marginSide: 20, marginBottom: 30)
        let document = Document(title: "Dump", asOf: "2026-01-01", fingerprint: "ab12", blocks: [.heading("Teams", level: 1, anchor: "teams"), .table(table)])
        return DocumentLayout(geometry: geometry, theme: .standard, measurer: Fixtures.fixed).layout(document, charts: Fixtures.charts()).first?.frame
    }

    @Test func headingAndSmallTable() throws {
        let frame = try #require(Self.smallPage())
        // Heading flush at the content top with its rule; caption and header band; right-aligned numbers in
        // their column format; the rule's symbol and colour; zebra on the second row; bold totals under a rule;
        // the key; header and footer (the narrow page drops "Tally x.y.z" from the footer); the anchor hoisted.
        #expect(FrameDump.dump(frame) == """
        frame 300x260
          group at (20,30) 260x21.8
            text (0,0) w=260 DejaVu Sans 14 bold #1a1a1a "Teams"
            shape M0,19.8 L260,19.8 stroke=#e3e3e3/0.8
          group at (20,59.8) 260x31.4
            text (0,0) w=260 DejaVu Sans 8.5 bold #1a1a1a "Calls"
            group at (0,14.2) 260x17.2
              shape M0,0 L260,0 L260,17.2 L0,17.2 Z fill=#f2f2f2
              text (5,3.5) w=171.9 DejaVu Sans 8.5 bold #1a1a1a "Team"
              text (186.9,3.5) w=24.4 DejaVu Sans 8.5 bold right #1a1a1a "Calls"
              text (221.3,3.5) w=33.7 DejaVu Sans 8.5 bold right #1a1a1a "Change"
              shape M0,16.8 L260,16.8 stroke=#1a1a1a/0.8
          group at (20,91.2) 260x17.2
            text (5,3.5) w=171.9 DejaVu Sans 8.5 #1a1a1a "North"
            text (186.9,3.5) w=24.4 DejaVu Sans 8.5 right #1a1a1a "1,200"
            text (221.3,3.5) w=33.7 DejaVu Sans 8.5 bold right #0072b2 "▲ +8.0%"
          group at (20,108.4) 260x17.2
            shape M0,0 L260,0 L260,17.2 L0,17.2 Z fill=#f2f2f2@0.7
            text (5,3.5) w=171.9 DejaVu Sans 8.5 #1a1a1a "South"
            text (186.9,3.5) w=24.4 DejaVu Sans 8.5 right #1a1a1a "950"
            text (221.3,3.5) w=33.7 DejaVu Sans 8.5 right #1a1a1a "−1.0%"
          group at (20,125.6) 260x17.2
            shape M0,0.4 L260,0.4 stroke=#1a1a1a/0.8
            text (5,3.5) w=171.9 DejaVu Sans 8.5 bold #1a1a1a "Total"
            text (186.9,3.5) w=24.4 DejaVu Sans 8.5 bold right #1a1a1a "2,150"
            text (221.3,3.5) w=33.7 DejaVu Sans 8.5 bold right #1a1a1a "+4.0%"
          group at (20,142.8) 260x14
            shape M0,0.3 L260,0.3 stroke=#8c8c8c/0.6
            text (0,4) w=260 DejaVu Sans 7.5 #595959 "▲ above +5%"
          text (20,10.5) DejaVu Sans 7.5 #595959 "Dump"
          shape M20,23 L280,23 stroke=#e3e3e3/0.6
          shape M20,236 L280,236 stroke=#e3e3e3/0.6
          text (20,240.5) DejaVu Sans 7.5 #595959 "As of 2026-01-01  ·  data fingerprint ab12"
          text (234.6,240.5) DejaVu Sans 7.5 #595959 "Page 1 of 1"
          anchor teams (20,30)
        """ + "\n")
    }
}
