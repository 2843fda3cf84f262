import Testing
import TallyCairo
import TallyCharts
import TallyCore
import TallyGraphics

/// Time-axis ticks: calendar-aligned, readable ("Jan" over "2025", "w/c 3 Mar"), never overlapping.
@Suite struct TimeAxisTests {
    static let jan6 = CivilDate(year: 2025, month: 1, day: 6).days

    static func tickTexts(_ model: ChartModel, measurer: any TextMeasurer = FixedWidthTextMeasurer()) -> [TextBox] {
        // Axis labels sit below the plot and above the caption; they are the unwrapped texts in that band.
        let frame = ChartRenderer(theme: .standard, measurer: measurer).render(model)
        let caption = frame.allTextBoxes.first { $0.text.plainText == model.caption }?.origin.y ?? frame.size.height
        return frame.allTextBoxes.filter { $0.width == nil && $0.origin.y > frame.size.height * 0.6 && $0.origin.y < caption }
    }

    static func weekly(_ weeks: Int, width: Double) -> ChartModel {
        let points = (0..<weeks).map { TimeSeriesData.Point(x: Double(jan6 + 7 * $0), value: Double($0 % 5)) }
        return ChartModel(
            id: "w", title: "Weekly", caption: "Source: test.", altText: "", size: Size(width, 260),
            content: .timeSeries(TimeSeriesData(series: [.init(label: "A", points: points)], xAxis: .time(.week), format: .number, decimals: 0)))
    }

    static func monthly(_ months: Int, width: Double) -> ChartModel {
        let points = (0..<months).map { m in
            TimeSeriesData.Point(x: Double(CivilDate(year: 2023 + m / 12, month: m % 12 + 1, day: 1).days), value: Double(m % 7))
        }
        return ChartModel(
            id: "m", title: "Monthly", caption: "Source: test.", altText: "", size: Size(width, 260),
            content: .timeSeries(TimeSeriesData(series: [.init(label: "A", points: points)], xAxis: .time(.month), format: .number, decimals: 0)))
    }

    @Test func shortWeeklySeriesGetsWeekCommencingLabels() {
        let texts = Self.tickTexts(Self.weekly(6, width: 700)).map(\.text.plainText)
        #expect(texts.contains("w/c 6 Jan"))
        #expect(texts.contains("w/c 13 Jan"))
        #expect(texts.contains("2025"))
    }

    @Test func monthlySeriesGetsMonthNamesAndYearsOnce() {
        let texts = Self.tickTexts(Self.monthly(24, width: 700)).map(\.text.plainText)
        #expect(texts.contains("Jan"))
        #expect(texts.filter { $0 == "2023" }.count == 1)
        #expect(texts.filter { $0 == "2024" }.count == 1)
    }

    @Test(arguments: [180.0, 260, 400, 560, 800])
    func tickLabelsNeverOverlapAtAnyWidth(_ width: Double) {
        for model in [Self.weekly(8, width: width), Self.weekly(52, width: width), Self.weekly(156, width: width),
                      Self.monthly(6, width: width), Self.monthly(36, width: width), Self.monthly(120, width: width)] {
            for measurer in [FixedWidthTextMeasurer() as any TextMeasurer, PangoTextMeasurer()] {
                let boxes = Self.tickTexts(model, measurer: measurer)
                #expect(!boxes.isEmpty)
                for i in boxes.indices {
                    for j in boxes.indices where j > i {
                        let a = boxes[i].bounds, b = boxes[j].bounds
                        let overlap = a.minX < b.maxX - 0.5 && b.minX < a.maxX - 0.5 && a.minY < b.maxY - 0.5 && b.minY < a.maxY - 0.5
                        #expect(!overlap, "\(model.id) w=\(width): \"\(boxes[i].text.plainText)\" / \"\(boxes[j].text.plainText)\"")
                    }
                }
            }
        }
    }

    @Test func monthTicksFallOnTheFirstOfTheMonth() {
        let model = Self.monthly(12, width: 600)
        let frame = ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer()).render(model)
        // Small vertical tick marks (3 pt) under the axis: one per labelled month.
        let ticks = frame.items.compactMap { item -> Double? in
            guard case .shape(let path, nil, let stroke?) = item, stroke.width == 0.6, path.elements.count == 2,
                case .move(let a) = path.elements[0], case .line(let b) = path.elements[1], a.x == b.x, abs(b.y - a.y - 3) < 0.01
            else { return nil }
            return a.x
        }
        #expect(ticks.count >= 6)
    }

    @Test func calendarHelpers() {
        #expect(CivilDate(days: Self.jan6).dayMonth == "6 Jan")
        #expect(CivilDate(year: 2025, month: 3, day: 1).monthYear == "Mar 2025")
        #expect(CivilDate(year: 2025, month: 8, day: 1).quarterYear == "Q3 2025")
        #expect(CivilDate(days: Self.jan6).isoWeekday == 1)
    }
}
