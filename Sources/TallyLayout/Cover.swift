import TallyCore
import TallyGraphics

extension BlockContext {
    /// Link destination of the cover page.
    static let coverAnchor = "cover"

    /// The cover: a page of its own with the title, subtitle and the report's facts; no header or footer.
    func coverUnits() -> [LayoutUnit] {
        let content = geometry.content
        var frame = Frame(size: Size(width, content.height))
        frame.add(.anchor(Self.coverAnchor, at: Point(0, 0)))
        var y = 0.0
        if let organisation = document.organisation {
            let box = measurer.box(StyledText([TextRun(organisation, bold: true)]), font: theme.font(size: 10.5, bold: true), color: theme.mutedText, at: Point(0, y), width: width)
            frame.add(.text(box))
            y += box.measured.height + 6
        }
        frame.fill(Rect(x: 0, y: y, width: 48, height: 3), theme.post)

        // The title block starts about a quarter down the page (less on landscape, where height is scarce).
        y = max(y + 24, (content.height * (geometry.isLandscape ? 0.18 : 0.26)).rounded())
        let title = measurer.box(StyledText([TextRun(document.title, bold: true)]), font: theme.font(size: 26, bold: true), color: theme.text, at: Point(0, y), width: width * 0.9, lineSpacing: 1.05)
        frame.add(.text(title))
        y += title.measured.height + 10
        if let subtitle = document.subtitle {
            let box = measurer.box(StyledText(plain: subtitle), font: theme.font(size: 13.5), color: theme.mutedText, at: Point(0, y), width: width * 0.9, lineSpacing: 1.1)
            frame.add(.text(box))
            y += box.measured.height + 8
        }
        y += 14
        frame.fill(Rect(x: 0, y: y - 0.75, width: width, height: 1.5), theme.post)
        y += 16

        // Facts as a label/value list.
        let facts: [(String, String)] = [
            ("Organisation", document.organisation), ("Prepared by", document.author), ("Period covered", document.period),
            ("Data as of", document.asOf), ("Data fingerprint", document.fingerprint),
        ].compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
        let labelFont = theme.font(size: theme.bodySize)
        let valueFont = theme.font(size: theme.bodySize + 1.5)
        let labelWidth = min(width * 0.3, (facts.map { measurer.measure(StyledText(plain: $0.0), font: labelFont, width: nil, lineSpacing: 1).width }.max() ?? 0) + 24)
        for (label, value) in facts {
            let l = measurer.box(StyledText(plain: label), font: labelFont, color: theme.mutedText, at: Point(0, y + 1.5), width: labelWidth)
            let v = measurer.box(StyledText(plain: value), font: valueFont, color: theme.text, at: Point(labelWidth, y), width: width - labelWidth)
            frame.add(.text(l))
            frame.add(.text(v))
            y += max(l.measured.height, v.measured.height) + 7
        }

        // A provenance note at the foot of the cover.
        let note = "Produced with Tally \(TallyVersion.current) from the input files listed, with their SHA-256 checksums, in the audit appendix. The data fingerprint identifies those exact inputs; any change to the data gives a different fingerprint."
        let noteBox = measurer.box(StyledText(plain: note), font: theme.font(size: theme.captionSize + 0.5), color: theme.mutedText, at: .zero, width: width * 0.75, lineSpacing: 1.15)
        let noteY = max(y + 12, content.height - noteBox.measured.height)
        if noteY + noteBox.measured.height <= content.height + 0.01 {
            var placed = noteBox
            placed.origin = Point(0, noteY)
            frame.add(.text(placed))
        }

        var cover = LayoutUnit(frame: frame, spaceAfter: 0)
        cover.isCover = true
        cover.outline = [OutlineEntry(title: "Cover", destination: Self.coverAnchor, level: 0)]
        return [.pageBreakMarker, cover, .pageBreakMarker]
    }
}
