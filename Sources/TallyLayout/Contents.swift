import TallyGraphics

/// Names used by the contents list.
enum ContentsLayout {
    /// Link destination of the contents list itself.
    static let anchor = "contents"
}

extension BlockContext {
    /// The contents list: one linked line per heading (down to `maxLevel`) with a dotted leader and the
    /// page number. The number column has a fixed width, so the list's height never depends on the numbers.
    func contentsUnits(title: String, maxLevel: Int) -> [LayoutUnit] {
        var units = [headingUnit(title, level: 1, anchor: ContentsLayout.anchor)]
        let entries = references.headings.filter { $0.level <= maxLevel && $0.anchor != ContentsLayout.anchor }
        let numberFont = theme.font(size: theme.bodySize)
        let numberWidth = measurer.measure(StyledText(plain: "0000"), font: numberFont, width: nil, lineSpacing: 1).width
        for (index, entry) in entries.enumerated() {
            let top = entry.level <= 1 && index > 0 ? 5.0 : 0
            let indent = Double(max(0, entry.level - 1)) * 16
            let font = theme.font(size: theme.bodySize, bold: entry.level <= 1)
            let text = StyledText([TextRun(entry.title, bold: entry.level <= 1)])
            let titleWidth = max(40, width - indent - numberWidth - 28)
            let lines = TextLines(measurer: measurer).lines(text, font: font, width: titleWidth)
            let block = measurer.box(text, font: font, color: theme.text, at: Point(indent, top), width: titleWidth, lineSpacing: 1.1)
            let pitch = block.measured.height / Double(max(1, lines.count))
            let lastTop = top + pitch * Double(max(0, lines.count - 1))
            let metrics = measurer.measure(lines.last ?? text, font: font, width: nil, lineSpacing: 1)
            let baseline = lastTop + metrics.firstBaseline

            var frame = Frame(size: Size(width, top + block.measured.height + 3))
            frame.add(.text(block))
            let leaderStart = indent + metrics.width + 4
            let leaderEnd = width - numberWidth - 4
            if leaderEnd - leaderStart > 6 {
                frame.stroke(.line(from: Point(leaderStart, baseline - 0.5), to: Point(leaderEnd, baseline - 0.5)), Stroke(color: theme.axis, width: 0.9, dash: [0.9, 2.6]))
            }
            let number = references.pageOf[entry.anchor].map(String.init) ?? "–"
            frame.add(.text(measurer.box(StyledText([TextRun(number, bold: entry.level <= 1)]), font: font, color: theme.text, at: Point(width - numberWidth, lastTop), width: numberWidth, alignment: .right)))
            frame.add(.link(Rect(x: indent, y: top, width: width - indent, height: block.measured.height), target: entry.anchor))
            units.append(LayoutUnit(frame: frame, spaceAfter: 0, keepWithNext: false))
        }
        if var last = units.popLast() {
            last.spaceAfter = 12
            units.append(last)
        }
        return units
    }
}
