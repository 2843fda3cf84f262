/// Visual decisions shared by charts and pages: one type family, sizes in points, a colour-blind-safe palette.
public struct Theme: Sendable, Hashable, Codable {
    /// Theme name as the spec names it.
    public var name: String
    /// The one type family used everywhere.
    public var fontFamily: String
    /// Body text size.
    public var bodySize: Double
    /// Chart title size.
    public var chartTitleSize: Double
    /// Axis labels, legends and annotations.
    public var labelSize: Double
    /// Captions and footnotes.
    public var captionSize: Double
    /// Main text colour.
    public var text: Color
    /// Secondary text (subtitles, captions, axis labels) — still WCAG-AA on white.
    public var mutedText: Color
    /// Gridlines.
    public var grid: Color
    /// Axis lines and ticks.
    public var axis: Color
    /// Categorical palette (Okabe–Ito order), distinguishable with colour-vision deficiency.
    public var palette: [Color]
    /// The baseline phase (a light neutral, so "before" recedes and survives greyscale as light).
    public var baseline: Color
    /// Later phases (strong, dark in greyscale).
    public var post: Color
    /// Special cause that is an improvement (NHS Making Data Count uses blue).
    public var improvement: Color
    /// Special cause of concern (NHS Making Data Count uses orange).
    public var concern: Color
    /// Target lines.
    public var target: Color
    /// Shading of alternate phases and zebra rows.
    public var shade: Color
    /// Padding inside a standalone chart, in points.
    public var chartPadding: Double

    /// The default theme: DejaVu Sans, Okabe–Ito palette, grey baseline against blue post.
    public static let standard = Theme(
        name: "default", fontFamily: "DejaVu Sans", bodySize: 9.5, chartTitleSize: 11, labelSize: 8,
        captionSize: 7, text: Color(hex: 0x1A1A1A), mutedText: Color(hex: 0x595959), grid: Color(hex: 0xE3E3E3),
        axis: Color(hex: 0x8C8C8C),
        palette: [
            Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
            Color(hex: 0x56B4E9), Color(hex: 0xD55E00), Color(hex: 0x000000), Color(hex: 0xF0E442),
        ],
        baseline: Color(hex: 0xA6A6A6), post: Color(hex: 0x0072B2), improvement: Color(hex: 0x0072B2),
        concern: Color(hex: 0xE66100), target: Color(hex: 0xB2182B), shade: Color(hex: 0xF2F2F2), chartPadding: 8)

    /// A print theme: black text, darker greys, thicker contrast for photocopies.
    public static let print: Theme = {
        var theme = Theme.standard
        theme.name = "print"
        theme.text = .black
        theme.mutedText = Color(hex: 0x404040)
        theme.grid = Color(hex: 0xD0D0D0)
        theme.axis = Color(hex: 0x606060)
        theme.baseline = Color(hex: 0xBDBDBD)
        return theme
    }()

    /// A compact theme: smaller type and padding for dense packs.
    public static let compact: Theme = {
        var theme = Theme.standard
        theme.name = "compact"
        theme.bodySize = 8.5
        theme.chartTitleSize = 9.5
        theme.labelSize = 7
        theme.captionSize = 6.5
        theme.chartPadding = 5
        return theme
    }()

    /// The theme called `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        switch name {
        case "default", "standard": return .standard
        case "print": return .print
        case "compact": return .compact
        default: return nil
        }
    }

    /// The font for a role.
    public func font(size: Double, bold: Bool = false) -> FontSpec {
        FontSpec(family: fontFamily, size: size, weight: bold ? .bold : .regular)
    }
}
