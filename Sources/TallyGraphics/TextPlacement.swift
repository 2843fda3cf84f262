extension TextMeasurer {
    /// Measures `text` and returns a text box at `origin` (top-left), wrapped at `width` when given.
    public func box(
        _ text: StyledText, font: FontSpec, color: Color, at origin: Point, width: Double? = nil,
        alignment: TextAlignment = .left, lineSpacing: Double = 1
    ) -> TextBox {
        let metrics = measure(text, font: font, width: width, lineSpacing: lineSpacing)
        return TextBox(
            text: text, origin: origin, width: width, font: font, color: color, alignment: alignment,
            lineSpacing: lineSpacing, measured: Size(metrics.width, metrics.height))
    }

    /// A one-line label positioned by an anchor: `alignment` says which edge of the text sits at `x`,
    /// and the text is vertically centred on `y`.
    public func label(
        _ text: String, font: FontSpec, color: Color, x: Double, y: Double, alignment: TextAlignment = .left,
        bold: Bool = false
    ) -> TextBox {
        let styled = StyledText([TextRun(text, bold: bold)])
        let metrics = measure(styled, font: font, width: nil, lineSpacing: 1)
        let left: Double
        switch alignment {
        case .left: left = x
        case .center: left = x - metrics.width / 2
        case .right: left = x - metrics.width
        }
        return TextBox(
            text: styled, origin: Point(left, y - metrics.height / 2), width: nil, font: font, color: color,
            measured: Size(metrics.width, metrics.height))
    }
}
