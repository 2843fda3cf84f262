import Testing
import TallyCharts
import TallyCore
import TallyGraphics

/// What each chart must show, checked on its frame: steps per phase, special-cause encodings, labels, icons.
@Suite struct ChartSemanticsTests {
    static let theme = Theme.standard
    static func render(_ model: ChartModel) -> Frame { ChartRenderer(theme: theme, measurer: FixedWidthTextMeasurer()).render(model) }
    static func shapes(_ frame: Frame) -> [(path: VectorPath, fill: Color?, stroke: Stroke?)] {
        frame.items.compactMap { if case .shape(let p, let f, let s) = $0 { return (p, f, s) } else { return nil } }
    }
    static func moves(_ path: VectorPath) -> Int { path.elements.filter { if case .move = $0 { true } else { false } }.count }
    static func texts(_ frame: Frame) -> [String] { frame.allTextBoxes.map(\.text.plainText) }

    @Test func controlLimitsAreStepsPerPhase() {
        let frame = Self.render(ChartFixtures.controlChart(Size(540, 320)))
        let limits = Self.shapes(frame).filter { $0.stroke?.dash == [4, 2.5] && $0.stroke?.width == 1 && Self.moves($0.path) > 0 }
        // Lower and upper limit (the legend swatch is a single segment and is excluded by its length).
        let long = limits.filter { $0.path.elements.count > 4 }
        #expect(long.count == 2)
        for limit in long { #expect(Self.moves(limit.path) == 2, "one run of steps per phase") }
    }

    @Test func specialCausesAreEncodedByShapeAndFill() throws {
        let data = ChartFixtures.controlData()
        let frame = Self.render(ChartFixtures.controlChart(Size(540, 320)))
        let improvementCount = data.points.filter { !$0.signals.isEmpty && data.meaning(of: $0) == 1 }.count
        let concernCount = data.points.filter { !$0.signals.isEmpty && data.meaning(of: $0) == -1 }.count
        #expect(improvementCount > 0 && concernCount > 0)
        let shapes = Self.shapes(frame)
        // Improvement: filled blue (plus one legend swatch); concern: hollow (white) with an orange outline (plus legend).
        #expect(shapes.filter { $0.fill == Self.theme.improvement }.count == improvementCount + 1)
        #expect(shapes.filter { $0.fill == .white && $0.stroke?.color == Self.theme.concern }.count == concernCount + 1)
        // Outside-limits points are diamonds (4 corners), shift points squares (4 corners, axis-aligned).
        let legend = Self.texts(frame)
        #expect(legend.contains("Outside limits") && legend.contains("Shift") && legend.contains("Improvement") && legend.contains("Concern"))
    }

    @Test func controlChartLabelsPhasesChangeAndLines() {
        let texts = Self.texts(Self.render(ChartFixtures.controlChart(Size(540, 320))))
        #expect(texts.contains("Baseline") && texts.contains("New triage script") && texts.contains("Script live 26 May"))
        #expect(texts.contains { $0.hasPrefix("UCL ") } && texts.contains { $0.hasPrefix("LCL ") } && texts.contains { $0.hasPrefix("Mean ") })
        #expect(texts.contains("Target 6m 00s"))
    }

    @Test func zonesOnlyWhenAsked() {
        var model = ChartFixtures.controlChart(Size(540, 320))
        let dotted = { (frame: Frame) in Self.shapes(frame).filter { $0.stroke?.dash == [1, 2] && $0.path.elements.count > 4 }.count }
        #expect(dotted(Self.render(model)) == 4)
        guard case .controlChart(var data) = model.content else { return }
        data.showZones = false
        model.content = .controlChart(data)
        #expect(dotted(Self.render(model)) == 0)
    }

    @Test func runChartHasMedianAndNoLimits() {
        let frame = Self.render(ChartFixtures.runChart(Size(540, 320)))
        #expect(Self.texts(frame).contains { $0.hasPrefix("Median ") })
        #expect(!Self.texts(frame).contains { $0.hasPrefix("UCL") })
        let dashed = Self.shapes(frame).filter { shape in shape.stroke.map { $0.dash == [4, 2.5] } ?? false }
        #expect(dashed.isEmpty)
    }

    @Test func timeSeriesMarksPhasesTargetAndEndValue() {
        let frame = Self.render(ChartFixtures.timeSeries(Size(540, 320)))
        let texts = Self.texts(frame)
        #expect(texts.contains("Baseline") && texts.contains("Script live 26 May") && texts.contains("Target 6m 00s"))
        #expect(Self.shapes(frame).contains { $0.fill == Self.theme.shade }, "the second phase is shaded")
        let multi = Self.render(ChartFixtures.timeSeriesMulti(Size(540, 320)))
        #expect(Self.texts(multi).contains("Callback service"))
        #expect(Self.texts(multi).contains { $0.hasPrefix("Digital ") }, "series are labelled at their ends")
    }

    @Test func paretoColoursTheVitalFewAndEndsAtOneHundredPercent() {
        let model = ChartFixtures.pareto(Size(540, 320))
        guard case .pareto(let data) = model.content else { return }
        let frame = Self.render(model)
        let bars = Self.shapes(frame).filter { ($0.fill == Self.theme.post || $0.fill == Self.theme.baseline) && $0.path.elements.count == 5 }
        // Bars plus two legend swatches.
        #expect(bars.filter { $0.fill == Self.theme.post }.count == data.vitalFewCount + 1)
        #expect(bars.filter { $0.fill == Self.theme.baseline }.count == data.categories.count - data.vitalFewCount + 1)
        #expect(Self.texts(frame).contains("80%"))
    }

    @Test func narrowParetoLiesOnItsSideWithFullLabels() {
        let frame = ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer()).render(ChartFixtures.pareto(Size(300, 200)))
        let texts = Self.texts(frame)
        for label in ["Billing error", "Wrong information given", "Website fault"] { #expect(texts.contains(label)) }
        #expect(!texts.contains { $0.hasSuffix("…") })
        #expect(texts.contains("Cumulative") && texts.contains("100%"))
        #expect(frame.allTextBoxes.allSatisfy { $0.rotation == 0 })
    }

    @Test func likertSharesAddUpAndDivergeAtZero() {
        let model = ChartFixtures.likert(Size(540, 320))
        guard case .likert(let data) = model.content else { return }
        for row in data.rows {
            let s = data.sides(row)
            #expect(abs(s.negative + s.neutral + s.positive - 1) < 1e-9)
        }
        let texts = Self.texts(Self.render(model))
        #expect(texts.contains("57%") && texts.contains("69%") && texts.contains("25%") && texts.contains("15%"))
    }

    @Test func dumbbellMarksBetterAndWorseDifferently() {
        let frame = Self.render(ChartFixtures.dumbbell(Size(540, 320)))
        let shapes = Self.shapes(frame)
        #expect(shapes.filter { $0.fill == Self.theme.improvement }.count == 4 + 1)
        #expect(shapes.filter { $0.fill == Self.theme.concern }.count == 1 + 1)
    }

    @Test func kpiTileDrawsValueChangeAndIcons() {
        let texts = Self.texts(Self.render(ChartFixtures.kpiTile(Size(300, 170))))
        #expect(texts.contains("72.0%"))
        #expect(texts.contains { $0.contains("+6.1 points vs baseline") })
        #expect(texts.contains("H") && texts.contains("?"))
        #expect(texts.contains("Improving") && texts.contains("Hit and miss"))
    }

    @Test func servqualShowsGapsWithSign() {
        let texts = Self.texts(Self.render(ChartFixtures.servqual(Size(540, 320))))
        #expect(texts.contains("\u{2212}1.2") && texts.contains("+0.2"))
    }

    @Test func smallMultiplesShareOneScale() {
        let frame = Self.render(ChartFixtures.smallMultiples(Size(540, 320)))
        let texts = Self.texts(frame)
        for team in ["North", "South", "Digital", "Complaints", "Billing", "Retentions"] { #expect(texts.contains(team)) }
        // Tick labels appear once per row of panels (first column only).
        let percentTicks = texts.filter { $0.hasSuffix("%") && $0.count <= 4 && !$0.hasPrefix("+") }
        #expect(!percentTicks.isEmpty)
    }
}
