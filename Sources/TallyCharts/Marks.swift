import TallyGraphics

/// Small drawing helpers shared by the renderers: markers, the empty-data panel, dashed rules.
enum Marks {
    /// Draws a marker; a hollow marker (nil fill) is filled white so lines behind it do not show through.
    static func marker(_ shape: MarkerShape, at point: Point, size: Double, fill: Color?, stroke: Color?, into frame: inout Frame) {
        let path = shape.path(center: point, size: size)
        frame.add(.shape(path, fill: fill ?? .white, stroke: stroke.map { Stroke(color: $0, width: fill == nil ? 1.4 : 0.8) }))
    }

    /// The panel shown instead of marks when there is nothing to draw.
    static func noData(in rect: Rect, theme: Theme, measurer: any TextMeasurer, into frame: inout Frame, message: String = "No data for this period") {
        frame.add(.shape(.rect(rect), fill: theme.shade, stroke: nil))
        let font = theme.font(size: theme.labelSize + 1)
        let text = LabelLayout.truncate(message, toWidth: max(0, rect.width - 8), font: font, measurer: measurer)
        frame.add(.text(measurer.label(text, font: font, color: theme.mutedText, x: rect.midX, y: rect.midY, alignment: .center)))
    }

    /// A horizontal rule across `area` at `y`.
    static func hRule(_ y: Double, from x0: Double, to x1: Double, _ stroke: Stroke, into frame: inout Frame) {
        frame.stroke(.line(from: Point(x0, y), to: Point(x1, y)), stroke)
    }

    /// True when every value is finite.
    static func finite(_ values: [Double]) -> [Double] { values.filter(\.isFinite) }
}

/// Which way is better for a measure: decides whether a change or a special cause is an improvement or a concern.
public enum ImprovementDirection: String, Sendable, Hashable, Codable {
    case higherIsBetter, lowerIsBetter, neither

    /// +1 when `delta` is an improvement, −1 when a deterioration, 0 when neither or no change.
    public func judge(_ delta: Double) -> Int {
        guard delta.isFinite, delta != 0 else { return 0 }
        switch self {
        case .higherIsBetter: return delta > 0 ? 1 : -1
        case .lowerIsBetter: return delta < 0 ? 1 : -1
        case .neither: return 0
        }
    }
}

extension Theme {
    /// The colour of phase `index`: the baseline recedes (light grey), the first later phase is strong,
    /// further phases take the next palette colours.
    func phaseColor(_ index: Int) -> Color {
        if index <= 0 { return baseline }
        if index == 1 { return post }
        return palette[index % max(1, palette.count)]
    }
}
