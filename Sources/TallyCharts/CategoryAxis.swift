import TallyGraphics

/// Category labels under vertical bars: centred and wrapped to three lines when they fit, otherwise rotated
/// (reading upwards) and shortened with an ellipsis, so labels never overlap.
struct CategoryAxis {
    let theme: Theme
    let measurer: any TextMeasurer

    /// How the labels will be set.
    enum Mode: Equatable {
        case horizontal(lines: Int)
        case rotated(length: Double)
    }

    private var font: FontSpec { theme.font(size: theme.labelSize) }

    /// Chooses the mode for `labels` in bands `step` wide, allowing rotated labels up to `maxLength`.
    func mode(_ labels: [String], step: Double, maxLength: Double) -> Mode {
        let width = max(1, step - 4)
        var lines = 1
        var fits = true
        for label in labels {
            let words = label.split(separator: " ").map(String.init)
            if words.contains(where: { LabelLayout.width($0, font: font, measurer: measurer) > width }) { fits = false; break }
            let metrics = measurer.measure(StyledText(plain: label), font: font, width: width, lineSpacing: 1)
            if metrics.lineCount > 3 { fits = false; break }
            lines = max(lines, metrics.lineCount)
        }
        if fits { return .horizontal(lines: lines) }
        let longest = labels.map { LabelLayout.width($0, font: font, measurer: measurer) }.max() ?? 0
        return .rotated(length: min(maxLength, longest))
    }

    /// Height the labels need below the axis.
    func height(_ mode: Mode) -> Double {
        switch mode {
        case .horizontal(let lines): return 4 + Double(lines) * theme.labelSize * 1.2 + 2
        case .rotated(let length): return 4 + length + 2
        }
    }

    /// Draws labels centred on `centres`, starting `top` (just under the axis).
    func draw(_ labels: [String], centres: [Double], step: Double, top: Double, mode: Mode, into frame: inout Frame) {
        for (label, x) in zip(labels, centres) {
            switch mode {
            case .horizontal:
                let width = max(1, step - 4)
                let box = measurer.box(
                    StyledText(plain: label), font: font, color: theme.text, at: Point(x - width / 2, top + 4), width: width,
                    alignment: .center)
                frame.add(.text(box))
            case .rotated(let length):
                let text = LabelLayout.truncate(label, toWidth: length, font: font, measurer: measurer)
                let metrics = measurer.measure(StyledText(plain: text), font: font, width: nil, lineSpacing: 1)
                // Rotated −90° about its origin: the text reads upwards and ends just under the axis.
                let box = TextBox(
                    text: StyledText(plain: text), origin: Point(x - metrics.height / 2, top + 4 + metrics.width), width: nil,
                    font: font, color: theme.text, rotation: -90, measured: Size(metrics.width, metrics.height))
                frame.add(.text(box))
            }
        }
    }
}
