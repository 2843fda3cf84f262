/// Font weight.
public enum FontWeight: String, Sendable, Hashable, Codable {
    case regular, bold
}

/// A font as a value: family name, size in points, weight and slant.
public struct FontSpec: Sendable, Hashable, Codable {
    /// Family name as fontconfig knows it, e.g. "DejaVu Sans".
    public var family: String
    /// Size in points.
    public var size: Double
    /// Weight.
    public var weight: FontWeight
    /// Italic when true.
    public var italic: Bool

    /// Creates a font value.
    public init(family: String, size: Double, weight: FontWeight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }

    /// The same font at another size.
    public func sized(_ size: Double) -> FontSpec { FontSpec(family: family, size: size, weight: weight, italic: italic) }
    /// The bold variant.
    public var bold: FontSpec { FontSpec(family: family, size: size, weight: .bold, italic: italic) }
}

/// A stretch of text with one style inside a `StyledText`.
public struct TextRun: Sendable, Hashable, Codable {
    /// The characters.
    public var text: String
    /// Bold.
    public var bold: Bool
    /// Italic.
    public var italic: Bool
    /// Colour override (nil = the box's colour).
    public var color: Color?

    /// Creates a run.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, color: Color? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.color = color
    }
}

/// Horizontal alignment of text within its box.
public enum TextAlignment: String, Sendable, Hashable, Codable {
    case left, center, right
}

/// Rich text: runs of styled characters; `\n` inside a run breaks the line.
public struct StyledText: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// The runs in order.
    public var runs: [TextRun]

    /// Creates rich text from runs.
    public init(_ runs: [TextRun]) { self.runs = runs }
    /// Plain text in one run.
    public init(plain text: String) { runs = [TextRun(text)] }
    /// Plain text from a literal.
    public init(stringLiteral value: String) { runs = [TextRun(value)] }

    /// The characters without styling.
    public var plainText: String { runs.map(\.text).joined() }
}

/// What a text measurer reports for a laid-out block of text.
public struct TextMetrics: Sendable, Hashable, Codable {
    /// Width of the widest line.
    public var width: Double
    /// Total height of all lines.
    public var height: Double
    /// Distance from the top to the first line's baseline.
    public var firstBaseline: Double
    /// Number of lines after wrapping.
    public var lineCount: Int

    /// Creates metrics.
    public init(width: Double, height: Double, firstBaseline: Double, lineCount: Int) {
        self.width = width
        self.height = height
        self.firstBaseline = firstBaseline
        self.lineCount = lineCount
    }
}

/// Measures text exactly as the exporter will draw it (same shaping, same wrapping).
public protocol TextMeasurer: Sendable {
    /// Lays out `text` in `font`, wrapped at `width` when given, and returns its extent.
    func measure(_ text: StyledText, font: FontSpec, width: Double?, lineSpacing: Double) -> TextMetrics
}

/// A deterministic fake measurer for tests: every character is `0.55 × size` wide, lines `1.2 × size` high.
public struct FixedWidthTextMeasurer: TextMeasurer {
    /// Creates the fake measurer.
    public init() {}

    /// Greedy word wrap with fixed-width characters.
    public func measure(_ text: StyledText, font: FontSpec, width: Double?, lineSpacing: Double) -> TextMetrics {
        let charWidth = font.size * 0.55
        var lines: [Int] = []
        for paragraph in text.plainText.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let width, width > 0 else {
                lines.append(paragraph.count)
                continue
            }
            let perLine = max(1, Int(width / charWidth))
            var current = 0
            for word in paragraph.split(separator: " ") {
                let needed = current == 0 ? word.count : current + 1 + word.count
                if needed > perLine && current > 0 {
                    lines.append(current)
                    current = word.count
                } else {
                    current = needed
                }
            }
            lines.append(current)
        }
        let lineHeight = font.size * 1.2 * lineSpacing
        let widest = Double(lines.max() ?? 0) * charWidth
        return TextMetrics(
            width: min(widest, width ?? widest), height: Double(lines.count) * lineHeight,
            firstBaseline: font.size * 0.95, lineCount: lines.count)
    }
}
