import Testing
import TallyCairo
import TallyCharts
import TallyGraphics

/// No text leaves its chart, no geometry is NaN, and empty data draws the "No data" panel — for every chart type,
/// at a small and a large size, in every theme, with the fake and the real (Pango) measurer.
@Suite struct BoundsTests {
    static let sizes = [Size(300, 200), Size(760, 460)]
    static let themes: [Theme] = [.standard, .print, .compact]

    static func models() -> [(String, ChartModel)] {
        sizes.flatMap { size in
            (ChartFixtures.all(size: size) + ChartFixtures.empties(size: size) + ChartFixtures.degenerate(size: size)).map { ("\($0.name) \(Int(size.width))x\(Int(size.height))", $0.model) }
        }
    }

    @Test(arguments: [false, true])
    func textStaysInsideEveryChart(realFonts: Bool) {
        let measurer: any TextMeasurer = realFonts ? PangoTextMeasurer() : FixedWidthTextMeasurer()
        for theme in Self.themes {
            let renderer = ChartRenderer(theme: theme, measurer: measurer)
            for (name, model) in Self.models() {
                let outside = ChartRenderer.textOutsideBounds(renderer.render(model))
                #expect(outside.isEmpty, "\(name) [\(theme.name)]: \(outside.map { "\"\($0.text.plainText)\" at \($0.bounds)" })")
            }
        }
    }

    @Test func shapesStayInsideEveryChart() {
        let renderer = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer())
        for (name, model) in Self.models() {
            let frame = renderer.render(model)
            let bounds = Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height)
            let outside = frame.allItemBounds.filter { !bounds.contains($0, tolerance: 1) }
            #expect(outside.isEmpty, "\(name): \(outside)")
        }
    }

    @Test func noNaNOrInfiniteGeometry() {
        let renderer = ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer())
        for (name, model) in Self.models() {
            // Numbers only: the quoted text of labels is cut off each line first.
            let numbers = FrameDump.dump(renderer.render(model)).lowercased().split(separator: "\n").map { $0.prefix { $0 != "\"" } }
            for line in numbers {
                #expect(!line.contains("nan") && !line.contains("inf"), "\(name): \(line)")
            }
        }
    }

    @Test func degenerateInputsStillDescribeThemselves() {
        for (name, model) in ChartFixtures.degenerate() {
            #expect(!model.content.altText(subject: "x").isEmpty, "\(name)")
        }
    }

    @Test func emptyDataDrawsTheNoDataPanel() {
        let renderer = ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer())
        for (name, model) in ChartFixtures.empties() {
            let texts = renderer.render(model).allTextBoxes.map(\.text.plainText)
            #expect(texts.contains("No data for this period"), "\(name): \(texts)")
            // The words around the chart are still there, so the PNG stands alone.
            #expect(texts.contains(model.title) && texts.contains(model.caption), "\(name)")
        }
    }

    @Test func textItemsDoNotOverlapEachOther() {
        // Horizontal labels in the plot must not collide (title/subtitle/caption blocks excluded: they stack by design).
        let renderer = ChartRenderer(theme: .standard, measurer: PangoTextMeasurer())
        for (name, model) in ChartFixtures.all(size: Size(540, 320)) + ChartFixtures.all(size: Size(300, 200)).map({ ($0.name + " small", $0.model) }) {
            let boxes = renderer.render(model).allTextBoxes.filter { $0.width == nil && $0.rotation == 0 }
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let a = boxes[i].bounds.inset(top: 1, left: 1, bottom: 1, right: 1)
                    let b = boxes[j].bounds.inset(top: 1, left: 1, bottom: 1, right: 1)
                    let overlap = a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
                    #expect(!overlap, "\(name): \"\(boxes[i].text.plainText)\" overlaps \"\(boxes[j].text.plainText)\"")
                }
            }
        }
    }
}
