import Testing
import TallyCharts
import TallyGraphics

/// Every chart type renders to a text dump (items and positions, fixed-width text) equal to its checked-in expectation.
/// Rewrite the expectations with `TALLY_UPDATE_GOLDEN=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let names = ChartFixtures.all().map(\.name)

    @Test(arguments: names)
    func frameDumpMatchesGolden(_ name: String) throws {
        let model = try #require(ChartFixtures.all().first { $0.name == name }?.model)
        let dump = FrameDump.dump(ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer()).render(model))
        let path = TestFiles.golden(name + ".txt")
        if TestFiles.updating {
            TestFiles.write(Array(dump.utf8), to: path)
            return
        }
        let expected = try #require(TestFiles.read(path), "missing \(path); run with TALLY_UPDATE_GOLDEN=1")
        let expectedText = String(decoding: expected, as: UTF8.self)
        if dump != expectedText {
            let a = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("""
                \(name): dump differs from \(path) (\(a.count) vs \(b.count) lines)
                first difference at line \((first?.offset ?? min(a.count, b.count)) + 1):
                  got:      \(first.map { String($0.element.0) } ?? "")
                  expected: \(first.map { String($0.element.1) } ?? "")
                """)
        }
    }

    @Test func everyChartContentCaseHasAFixture() {
        // One fixture per ChartContent case: a new chart type must come with a golden.
        var kinds = Set<String>()
        for (_, model) in ChartFixtures.all() {
            kinds.insert(String(describing: model.content).prefix { $0 != "(" }.description)
        }
        #expect(kinds == [
            "prePostBars", "timeSeries", "controlChart", "runChart", "pareto", "histogram", "boxPlot", "likert", "dumbbell",
            "kpiTile", "smallMultiples", "servqual",
        ])
    }
}
