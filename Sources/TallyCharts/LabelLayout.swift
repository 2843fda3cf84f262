import TallyGraphics

/// Label-collision helpers: thinning tick labels, spreading direct labels apart, shortening long text.
enum LabelLayout {
    /// True when labels centred at `centres` with `widths` leave at least `gap` between neighbours.
    static func fitsWithoutOverlap(centres: [Double], widths: [Double], gap: Double) -> Bool {
        guard centres.count > 1 else { return true }
        for i in 1..<centres.count where centres[i] - centres[i - 1] < (widths[i] + widths[i - 1]) / 2 + gap {
            return false
        }
        return true
    }

    /// Moves wanted positions (e.g. label centres along y) apart so neighbours are at least `spacing` apart,
    /// staying within `low…high`; the order of the input is kept.
    static func spread(_ wanted: [Double], spacing: Double, low: Double, high: Double) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var placed = order.map { wanted[$0] }
        for i in placed.indices {
            placed[i] = max(placed[i], low)
            if i > 0 { placed[i] = max(placed[i], placed[i - 1] + spacing) }
        }
        if let last = placed.last, last > high {
            placed[placed.count - 1] = high
            for i in stride(from: placed.count - 2, through: 0, by: -1) {
                placed[i] = min(placed[i], placed[i + 1] - spacing)
            }
        }
        var result = wanted
        for (k, index) in order.enumerated() { result[index] = placed[k] }
        return result
    }

    /// `text` shortened with an ellipsis so it measures at most `width` in `font` (whole text when it fits).
    static func truncate(_ text: String, toWidth width: Double, font: FontSpec, measurer: any TextMeasurer) -> String {
        func w(_ s: String) -> Double { measurer.measure(StyledText(plain: s), font: font, width: nil, lineSpacing: 1).width }
        guard w(text) > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            while characters.last == " " { characters.removeLast() }
            let candidate = String(characters) + "…"
            if w(candidate) <= width { return candidate }
        }
        return ""
    }

    /// Width of one line of `text`.
    static func width(_ text: String, font: FontSpec, measurer: any TextMeasurer) -> Double {
        measurer.measure(StyledText(plain: text), font: font, width: nil, lineSpacing: 1).width
    }
}
