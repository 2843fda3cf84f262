import Foundation
import TallyCharts
import TallyCore
import TallyGraphics
@testable import TallyLayout

/// Documents, layouts and poppler helpers shared by the layout tests.
enum Fixtures {
    static let fixed = FixedWidthTextMeasurer()

    /// A layout engine on a paper size with the fixed-width measurer (or Pango when given).
    static func engine(_ paper: Size = .a4, landscape: Bool = false, measurer: any TextMeasurer = fixed) -> DocumentLayout {
        DocumentLayout(geometry: PageGeometry(paper: paper, landscape: landscape), theme: .standard, measurer: measurer)
    }

    static func charts(_ measurer: any TextMeasurer = fixed) -> ChartRenderer { ChartRenderer(theme: .standard, measurer: measurer) }

    /// A 5-column call-centre table of `count` rows with formats, a variance rule and totals.
    static func callTable(rows count: Int, caption: String = "Calls by agent") -> TableModel {
        var rows: [[TableModel.Cell]] = []
        for i in 0..<count {
            let variance = Double((i * 37) % 21 - 10) / 100
            rows.append([
                TableModel.Cell("R\(i + 1)"),
                TableModel.Cell(i % 7 == 0 ? "Agent \(i + 1) (team lead, weekend and evening cover)" : "Agent \(i + 1)"),
                TableModel.Cell(value: Double(100 + (i * 13) % 400)),
                TableModel.Cell(value: 0.6 + Double(i % 30) / 100),
                TableModel.Cell(value: variance),
            ])
        }
        return TableModel(
            caption: caption,
            columns: [
                TableModel.Column("Row", wraps: false), TableModel.Column("Agent"), TableModel.Column("Calls handled", format: .integer),
                TableModel.Column("First-contact resolution", format: .percent), TableModel.Column("Variance", format: .percent, signed: true),
            ],
            rows: rows,
            totals: [TableModel.Cell("Total"), TableModel.Cell(""), TableModel.Cell(value: 12345), TableModel.Cell(value: 0.7412), TableModel.Cell(value: 0.012)],
            footnotes: ["Variance against the baseline month."],
            rules: [
                ConditionalRule(column: 4, condition: .above(0.05), color: Theme.standard.improvement, symbol: "▲", label: "variance above +5%"),
                ConditionalRule(column: 4, condition: .below(-0.05), color: Theme.standard.concern, symbol: "▼", label: "variance below −5%"),
            ],
            anchor: "table-calls")
    }

    static func chart(_ id: String, title: String, width: Double = 480, height: Double = 240) -> ChartModel {
        ChartModel(
            id: id, title: title, caption: "Source: call log.", altText: title, size: Size(width, height),
            content: .prePostBars(PrePostBars(
                groups: [
                    .init(label: "FCR", bars: [.init(phase: "Baseline", value: 0.62, lower: 0.6, upper: 0.64, n: 400), .init(phase: "Post", value: 0.71, lower: 0.69, upper: 0.73, n: 420)]),
                ], format: .percent, decimals: 1)))
    }

    /// A complete report: cover, contents, text, charts side by side, a long table, evidence, signatures, audit.
    static func report(tableRows: Int = 60) -> Document {
        Document(
            title: "Reducing repeat contacts in the Leeds contact centre",
            subtitle: "Evaluation of the first-contact resolution project, January–June 2026",
            organisation: "Northern Water Customer Services", author: "Sam Patel, Team Leader", period: "1 Jan 2026 – 30 Jun 2026",
            asOf: "2026-07-03", fingerprint: "3f9a2c71",
            blocks: [
                .cover,
                .contents(),
                .pageBreak,
                .heading("Summary", level: 1, anchor: "summary"),
                .markdown("""
                First-contact resolution rose from **62.0%** to **71.0%** after the new knowledge base went live, a change of *+9.0 points*.

                - Repeat contacts fell in every team.
                - Average handling time did **not** increase.
                """),
                .heading("Results", level: 1, anchor: "results"),
                .heading("First-contact resolution", level: 2, anchor: "fcr"),
                .chart(chart("fcr", title: "First-contact resolution before and after"), columns: 6),
                .chart(chart("aht", title: "Average handling time"), columns: 6),
                .paragraph(StyledText(plain: String(repeating: "The baseline covers twelve weeks of calls before the change, and the post period twelve weeks after it. ", count: 12))),
                .heading("Calls by agent", level: 2, anchor: "agents"),
                .table(callTable(rows: tableRows)),
                .evidence(EvidenceModel(
                    qualification: "Level 3 Diploma in Customer Service", unit: "Unit 12: Improve customer service delivery", learner: "Sam Patel",
                    details: [KeyValue("Assessor", "J. Okafor")],
                    criteria: [
                        .init(id: "1.1", text: "Collect and analyse customer service data.", evidencedBy: ["results", "table-calls"]),
                        .init(id: "1.2", text: "Present the results of an improvement.", evidencedBy: ["chart-fcr", "summary"]),
                        .init(id: "2.1", text: "Evaluate the improvement against its objectives.", evidencedBy: []),
                    ])),
                .signatures(SignatureLine.portfolioRoles),
                .audit(AuditModel(
                    inputs: [
                        .init(path: "data/calls.csv", sha256: String(repeating: "3f9a2c71", count: 8), bytes: 1_234_567, rowsRead: 48_210, rowsRejected: 3,
                              rejections: [.init(line: 17, text: "2026-01-04,,A12", reason: "missing agent"), .init(line: 903, text: "2026-13-01,4,A3", reason: "invalid date '2026-13-01'")]),
                        .init(path: "data/surveys.csv", sha256: String(repeating: "0b1c2d3e", count: 8), bytes: 88_000, rowsRead: 1_200, rowsRejected: 0),
                    ],
                    filters: ["Calls shorter than **10 seconds** are excluded as abandoned."],
                    phases: [.init(name: "Baseline", from: "2026-01-01", to: "2026-03-25", note: "Before the knowledge base."), .init(name: "Post", from: "2026-04-08", to: "2026-06-30", note: "After go-live; two-week bedding-in excluded.")],
                    methods: [KeyValue("Comparison of proportions", "Two-proportion z-test, two-sided, α = 0.05; Wilson 95% intervals"), KeyValue("SPC", "XmR chart, E2 = 2.66; NHS Making Data Count rules")],
                    specPath: "reports/fcr.yaml", specHash: String(repeating: "ab", count: 32))),
            ])
    }

    // MARK: - Poppler

    /// Whether a poppler tool is on the PATH.
    static func hasTool(_ name: String) -> Bool {
        ProcessInfo.processInfo.environment["PATH", default: "/usr/bin"].split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    /// Runs a tool and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes bytes to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-layout-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

extension Frame {
    /// Every text box's plain text, nested groups included.
    var allText: [String] { allTextBoxes.map(\.text.plainText) }
}
