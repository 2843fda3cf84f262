import Testing
import TallyCharts
import TallyGraphics

/// Every text colour a chart uses meets WCAG-AA (4.5:1) against what it sits on.
@Suite struct ThemeTests {
    @Test(arguments: [Theme.standard, .print, .compact])
    func themeTextColoursMeetAAOnWhite(_ theme: Theme) {
        for (role, color) in [("text", theme.text), ("mutedText", theme.mutedText), ("target", theme.target), ("improvement", theme.improvement)] {
            #expect(Color.contrastRatio(color, .white) >= 4.5, "\(theme.name).\(role) \(color.hexString)")
        }
    }

    @Test(arguments: [Theme.standard, .print, .compact])
    func everyRenderedTextColourMeetsAA(_ theme: Theme) {
        // Text on white; white text only appears on dark fills (checked against the darkest fill it may sit on).
        let renderer = ChartRenderer(theme: theme, measurer: FixedWidthTextMeasurer())
        for (name, model) in ChartFixtures.all() {
            for box in renderer.render(model).allTextBoxes where box.color != .white {
                #expect(Color.contrastRatio(box.color, .white) >= 4.5, "\(name) [\(theme.name)]: \"\(box.text.plainText)\" \(box.color.hexString)")
            }
        }
    }

    @Test func themesAreNamedAndUseOneFamily() {
        for name in ["default", "print", "compact"] {
            let theme = Theme.named(name)
            #expect(theme != nil)
            #expect(theme?.fontFamily == "DejaVu Sans")
        }
        let renderer = ChartRenderer(theme: .standard, measurer: FixedWidthTextMeasurer())
        for (_, model) in ChartFixtures.all() {
            #expect(Set(renderer.render(model).allTextBoxes.map(\.font.family)) == ["DejaVu Sans"])
        }
    }

    @Test func paletteSurvivesGreyscaleForBaselineAndPost() {
        // Baseline must read lighter than post in greyscale (luminance gap), so bars stay distinguishable.
        for theme in [Theme.standard, .print, .compact] {
            #expect(theme.baseline.relativeLuminance - theme.post.relativeLuminance > 0.2)
        }
    }
}
