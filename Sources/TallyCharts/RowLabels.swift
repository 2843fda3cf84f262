import TallyGraphics

/// Labels of horizontal rows (KPIs, teams, dimensions): a left column no wider than a share of the plot,
/// each label wrapped to two lines at most and shortened with an ellipsis beyond that.
struct RowLabels {
    let theme: Theme
    let measurer: any TextMeasurer

    private var font: FontSpec { theme.font(size: theme.labelSize) }

    /// Width of the label column for `labels` within `plotWidth` (at most `maxShare` of it).
    func columnWidth(_ labels: [String], plotWidth: Double, maxShare: Double = 0.32) -> Double {
        let widest = labels.map { LabelLayout.width($0, font: font, measurer: measurer) }.max() ?? 0
        return min(widest, plotWidth * maxShare) + 6
    }

    /// Draws `label` right-aligned in the column ending at `right`, vertically centred on `y`, within `rowHeight`.
    func draw(_ label: String, right: Double, width: Double, y: Double, rowHeight: Double, into frame: inout Frame, color: Color? = nil) {
        let w = max(1, width - 6)
        let lines = rowHeight >= theme.labelSize * 2.5 ? 2 : 1
        var text = label
        var metrics = measurer.measure(StyledText(plain: text), font: font, width: w, lineSpacing: 1)
        if metrics.lineCount > lines {
            text = lines == 1
                ? LabelLayout.truncate(label, toWidth: w, font: font, measurer: measurer)
                : shortenToTwoLines(label, width: w)
            metrics = measurer.measure(StyledText(plain: text), font: font, width: w, lineSpacing: 1)
        }
        let box = TextBox(
            text: StyledText(plain: text), origin: Point(right - 6 - w, y - metrics.height / 2), width: w, font: font,
            color: color ?? theme.text, alignment: .right, measured: Size(metrics.width, metrics.height))
        frame.add(.text(box))
    }

    private func shortenToTwoLines(_ label: String, width: Double) -> String {
        var words = label.split(separator: " ").map(String.init)
        while words.count > 1 {
            words.removeLast()
            let candidate = words.joined(separator: " ") + "…"
            if measurer.measure(StyledText(plain: candidate), font: font, width: width, lineSpacing: 1).lineCount <= 2 { return candidate }
        }
        return LabelLayout.truncate(label, toWidth: width, font: font, measurer: measurer)
    }
}
