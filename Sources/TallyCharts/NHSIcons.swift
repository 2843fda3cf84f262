import TallyGraphics

/// NHS "Making Data Count" variation and assurance icons drawn as vectors (circle, dots, letter), not images.
struct NHSIcons {
    let theme: Theme
    let measurer: any TextMeasurer

    private var grey: Color { Color(hex: 0x7F7F7F) }
    private var purple: Color { Color(hex: 0x7B3294) }

    /// Draws the variation icon in a circle of `radius` at `c`.
    func variation(_ icon: VariationIcon, at c: Point, radius r: Double, into frame: inout Frame) {
        guard icon != .none else { return }
        let color: Color
        switch icon {
        case .improvementHigh, .improvementLow: color = theme.improvement
        case .concernHigh, .concernLow: color = theme.concern
        case .neitherHigh, .neitherLow: color = purple
        default: color = grey
        }
        frame.add(.shape(.circle(center: c, radius: r), fill: .white, stroke: Stroke(color: color, width: max(1.5, r * 0.12))))
        let xs: [Double] = [-0.55, -0.3, -0.05, 0.2, 0.45]
        let high = [icon == .improvementHigh, icon == .concernHigh, icon == .neitherHigh].contains(true)
        let low = [icon == .improvementLow, icon == .concernLow, icon == .neitherLow].contains(true)
        let ys: [Double] = high ? [0.3, 0.3, 0.15, -0.05, -0.25] : (low ? [-0.2, -0.2, -0.05, 0.15, 0.35] : [0.12, 0.02, 0.12, 0.02, 0.08])
        let points = zip(xs, ys).map { Point(c.x + $0 * r, c.y + $1 * r + (high ? 0.1 * r : (low ? -0.1 * r : 0))) }
        frame.stroke(.polyline(points), Stroke(color: grey, width: max(0.6, r * 0.05)))
        for (i, p) in points.enumerated() {
            let special = (high || low) && i >= 2
            frame.add(.shape(.circle(center: p, radius: r * 0.1), fill: special ? color : grey, stroke: nil))
        }
        if high || low {
            let letter = high ? "H" : "L"
            let font = theme.font(size: max(5, r * 0.55), bold: true)
            var box = measurer.label(letter, font: font, color: color == theme.concern ? Color(hex: 0xA63D00) : color, x: c.x, y: c.y + (high ? -0.45 : 0.55) * r, alignment: .center, bold: true)
            box.font = font
            frame.add(.text(box))
        }
    }

    /// Draws the assurance icon in a circle of `radius` at `c`.
    func assurance(_ icon: AssuranceIcon, at c: Point, radius r: Double, into frame: inout Frame) {
        guard icon != .none else { return }
        let color: Color, letter: String, textColor: Color
        switch icon {
        case .pass: (color, letter, textColor) = (theme.improvement, "P", theme.improvement)
        case .fail: (color, letter, textColor) = (theme.concern, "F", Color(hex: 0xA63D00))
        default: (color, letter, textColor) = (grey, "?", Color(hex: 0x595959))
        }
        frame.add(.shape(.circle(center: c, radius: r), fill: .white, stroke: Stroke(color: color, width: max(1.5, r * 0.12))))
        // The target as a dashed line, the process band as a wave above, across or below it.
        let targetY = c.y + 0.35 * r
        frame.stroke(.line(from: Point(c.x - 0.6 * r, targetY), to: Point(c.x + 0.6 * r, targetY)), Stroke(color: grey, width: max(0.6, r * 0.06), dash: [r * 0.12, r * 0.08]))
        let font = theme.font(size: max(5, r * 0.9), bold: true)
        var box = measurer.label(letter, font: font, color: textColor, x: c.x, y: c.y - 0.12 * r, alignment: .center, bold: true)
        box.font = font
        frame.add(.text(box))
    }
}
