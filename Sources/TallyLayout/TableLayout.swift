import TallyGraphics

/// Measures a spreadsheet-style table into units: caption, header, one unit per row, totals, closing rule
/// and footnotes. Rows are never cut: the paginator breaks between them and repeats the header.
struct TableLayout {
    let theme: Theme
    let measurer: any TextMeasurer
    let width: Double
    /// Rows taller than this have their longest cells shortened with "…" (no row may outgrow a page).
    var maxRowHeight: Double = .infinity
    /// Tables up to this tall are kept whole on one page rather than split.
    var keepWholeHeight: Double = 0

    private var cellFont: FontSpec { theme.font(size: theme.bodySize - 1) }
    private let padX = 5.0, padY = 3.5

    /// Splits the table into units the paginator can break between.
    func units(_ table: TableModel) -> [LayoutUnit] {
        let widths = columnWidths(table)
        var units: [LayoutUnit] = []
        let header: Frame? = table.showsHeader ? headerFrame(table, widths: widths) : nil

        var opening = Frame(size: Size(width, 0))
        if let anchor = table.anchor { opening.add(.anchor(anchor, at: .zero)) }
        if let caption = table.caption {
            let box = measurer.box(StyledText([TextRun(caption, bold: true)]), font: cellFont.bold, color: theme.text, at: Point(0, 0), width: width)
            opening.add(.text(box))
            opening.size.height = box.measured.height + 4
        }
        if let header {
            opening.place(header, at: Point(0, opening.size.height))
            opening.size.height += header.size.height
        }
        // After a page break the header comes back, under the caption marked "(continued)".
        var continuation: Frame? = nil
        if let header {
            var frame = Frame(size: Size(width, 0))
            if let caption = table.caption {
                let box = measurer.box(StyledText([TextRun(caption, bold: true), TextRun(" (continued)", italic: true)]), font: cellFont.bold, color: theme.mutedText, at: .zero, width: width)
                frame.add(.text(box))
                frame.size.height = box.measured.height + 4
            }
            frame.place(header, at: Point(0, frame.size.height))
            frame.size.height += header.size.height
            continuation = frame
        }
        units.append(LayoutUnit(frame: opening, spaceAfter: 0, keepWithNext: true))

        let rows = table.rows
        if rows.isEmpty {
            var frame = Frame(size: Size(width, 0))
            let box = measurer.box(StyledText([TextRun("No rows.", italic: true)]), font: cellFont, color: theme.mutedText, at: Point(padX, padY), width: width - 2 * padX)
            frame.add(.text(box))
            frame.size.height = box.measured.height + 2 * padY
            units.append(LayoutUnit(frame: frame, spaceAfter: 0, keepWithNext: true))
        }
        for (index, row) in rows.enumerated() {
            let frame = rowFrame(row, table: table, widths: widths, zebra: table.zebra && index % 2 == 1, bold: false)
            // At least two rows under the header, at least two on the last page, and the last row with
            // the totals and closing rule.
            let keep = (index == 0 && rows.count >= 3) || (index == rows.count - 2 && rows.count >= 4) || index == rows.count - 1
            var unit = LayoutUnit(frame: frame, spaceAfter: 0, keepWithNext: keep)
            unit.continuationHeader = continuation
            units.append(unit)
        }
        if let totals = table.totals, !totals.isEmpty {
            var frame = rowFrame(totals, table: table, widths: widths, zebra: false, bold: true)
            frame.items.insert(.shape(.line(from: Point(0, 0.4), to: Point(width, 0.4)), fill: nil, stroke: Stroke(color: theme.text, width: 0.8)), at: 0)
            var unit = LayoutUnit(frame: frame, spaceAfter: 0, keepWithNext: true)
            unit.continuationHeader = continuation
            units.append(unit)
        }
        // Closing rule, footnotes and the key to the conditional formatting.
        var closing = Frame(size: Size(width, 4))
        closing.stroke(.line(from: Point(0, 0.3), to: Point(width, 0.3)), Stroke(color: theme.axis, width: 0.6))
        var y = 4.0
        let notes = table.footnotes.map(InlineMarkdown.styled) + (ConditionalFormatting.legend(table.rules).map { [$0] } ?? [])
        for note in notes {
            let box = measurer.box(note, font: theme.font(size: theme.captionSize + 0.5), color: theme.mutedText, at: Point(0, y), width: width)
            closing.add(.text(box))
            y += box.measured.height + 1
        }
        closing.size.height = y
        units.append(LayoutUnit(frame: closing, spaceAfter: 12))
        // A short table moves to the next page whole rather than leave a few rows behind.
        if units.map(\.height).reduce(0, +) <= keepWholeHeight {
            for i in units.indices.dropLast() { units[i].keepWithNext = true }
        }
        return units
    }

    // MARK: - Column widths

    /// Auto-fit, as HTML tables do: every column gets at least its longest word (numbers and non-wrapping
    /// columns their whole text); room left over goes to columns in proportion to what they would use unwrapped.
    func columnWidths(_ table: TableModel) -> [Double] {
        let count = table.columns.count
        guard count > 0 else { return [] }
        if table.columns.contains(where: { $0.weight != nil }) {
            let weights = table.columns.map { max(0, $0.weight ?? 1) }
            let total = weights.reduce(0, +)
            guard total > 0 else { return Array(repeating: width / Double(count), count: count) }
            return weights.map { width * $0 / total }
        }
        // Three widths per column: the least it can take (longest word; whole text for numbers and
        // non-wrapping columns), its body cells unwrapped, and its heading unwrapped too.
        var minimum = [Double](repeating: 0, count: count)
        var body = [Double](repeating: 0, count: count)
        var heading = [Double](repeating: 0, count: count)
        func textWidth(_ text: String, bold: Bool) -> Double {
            measurer.measure(StyledText([TextRun(text, bold: bold)]), font: bold ? cellFont.bold : cellFont, width: nil, lineSpacing: 1).width
        }
        if table.showsHeader {
            for (i, column) in table.columns.enumerated() {
                // Headings may wrap between words, even over number columns.
                heading[i] = textWidth(column.title, bold: true)
                minimum[i] = textWidth(Self.longestWord(column.title), bold: true)
            }
        }
        let totals = table.totals.map { [$0] } ?? []
        for (r, row) in (table.rows + totals).enumerated() {
            let isTotals = r >= table.rows.count
            for i in 0..<min(count, row.count) {
                let cell = ConditionalFormatting.resolve(row[i], column: i, in: table)
                let bold = cell.bold || isTotals
                let whole = textWidth(cell.text, bold: bold)
                body[i] = max(body[i], whole)
                let word = table.columns[i].wraps ? Self.longestWord(cell.text) : cell.text
                minimum[i] = max(minimum[i], word.count == cell.text.count ? whole : textWidth(word, bold: bold))
            }
        }
        let pad = 2 * padX + 1
        let levels: [[Double]] = [
            minimum.map { $0 + pad },
            table.columns.indices.map { i -> Double in max(minimum[i], body[i]) + pad },
            table.columns.indices.map { i -> Double in max(minimum[i], body[i], heading[i]) + pad },
        ]
        let sums = levels.map { $0.reduce(0, +) }
        if sums[2] <= width {
            // Spare room goes to the wrapping (text) columns, or to all when there are none.
            let natural = levels[2]
            let flexible = table.columns.indices.filter { table.columns[$0].wraps }
            let targets = flexible.isEmpty ? Array(table.columns.indices) : flexible
            let targetNatural = targets.map { natural[$0] }.reduce(0, +)
            var result = natural
            for i in targets { result[i] += (width - sums[2]) * (targetNatural > 0 ? natural[i] / targetNatural : 1 / Double(targets.count)) }
            return result
        }
        // Wrap headings before body text, and body text only as far as needed, sharing in proportion.
        for level in [1, 0] where sums[level] <= width {
            let lower = levels[level], upper = levels[level + 1]
            let share = sums[level + 1] > sums[level] ? (width - sums[level]) / (sums[level + 1] - sums[level]) : 0
            return table.columns.indices.map { i -> Double in lower[i] + (upper[i] - lower[i]) * share }
        }
        // Even the longest words do not fit: scale everything (Pango then breaks inside words).
        return levels[0].map { $0 / max(1, sums[0]) * width }
    }

    /// How many lines `text` wraps to in a body cell of column `index` of a table with `columns` (weighted
    /// columns only: their widths do not depend on the content).
    func lineCount(_ text: String, column index: Int, of columns: [TableModel.Column]) -> Int {
        let widths = columnWidths(TableModel(columns: columns, rows: []))
        guard index < widths.count else { return 1 }
        return measurer.measure(StyledText(plain: text), font: cellFont, width: max(1, widths[index] - 2 * padX), lineSpacing: 1).lineCount
    }

    /// The word with the most characters (words split at spaces and line breaks).
    static func longestWord(_ text: String) -> String {
        var best = "", current = ""
        for ch in text {
            if ch == " " || ch == "\n" {
                if current.count > best.count { best = current }
                current = ""
            } else {
                current.append(ch)
            }
        }
        return current.count > best.count ? current : best
    }

    // MARK: - Rows

    private func headerFrame(_ table: TableModel, widths: [Double]) -> Frame {
        var boxes: [TextBox] = []
        var x = 0.0, height = 0.0
        for (i, w) in widths.enumerated() {
            let column = table.columns[i]
            let box = measurer.box(StyledText([TextRun(column.title, bold: true)]), font: cellFont.bold, color: theme.text, at: Point(x + padX, padY), width: max(1, w - 2 * padX), alignment: column.alignment)
            boxes.append(box)
            height = max(height, box.measured.height)
            x += w
        }
        var frame = Frame(size: Size(width, height + 2 * padY))
        frame.fill(Rect(x: 0, y: 0, width: width, height: frame.size.height), theme.shade)
        // Headings sit on the bottom of the header band, so one-line headings line up with wrapped ones.
        for var box in boxes {
            box.origin.y = padY + height - box.measured.height
            frame.add(.text(box))
        }
        frame.stroke(.line(from: Point(0, frame.size.height - 0.4), to: Point(width, frame.size.height - 0.4)), Stroke(color: theme.text, width: 0.8))
        return frame
    }

    private func rowFrame(_ cells: [TableModel.Cell], table: TableModel, widths: [Double], zebra: Bool, bold: Bool) -> Frame {
        var boxes: [(box: TextBox, cell: TableModel.Cell, x: Double, width: Double)] = []
        var x = 0.0, height = 0.0
        for (i, w) in widths.enumerated() {
            let raw = i < cells.count ? cells[i] : TableModel.Cell("")
            let cell = ConditionalFormatting.resolve(raw, column: i, in: table)
            let isBold = bold || cell.bold
            let font = isBold ? cellFont.bold : cellFont
            let cellWidth = max(1, w - 2 * padX)
            let limit = maxRowHeight - 2 * padY
            func box(_ text: String) -> TextBox {
                measurer.box(
                    StyledText([TextRun(text, bold: isBold, italic: cell.italic)]), font: font, color: cell.color ?? theme.text,
                    at: Point(x + padX, padY), width: cellWidth, alignment: table.columns[i].alignment)
            }
            var cellBox = box(cell.text)
            if cellBox.measured.height > limit {
                cellBox = box(shortened(cell.text, bold: isBold, italic: cell.italic, font: font, width: cellWidth, height: limit))
            }
            let box = cellBox
            boxes.append((box, cell, x, w))
            height = max(height, box.measured.height)
            x += w
        }
        var frame = Frame(size: Size(width, height + 2 * padY))
        if zebra { frame.fill(Rect(x: 0, y: 0, width: width, height: frame.size.height), theme.shade.withAlpha(0.7)) }
        if !table.zebra {
            frame.stroke(.line(from: Point(0, frame.size.height - 0.25), to: Point(width, frame.size.height - 0.25)), Stroke(color: theme.grid, width: 0.5))
        }
        for entry in boxes {
            if let fill = entry.cell.fill { frame.fill(Rect(x: entry.x, y: 0, width: entry.width, height: frame.size.height), fill) }
        }
        for entry in boxes {
            frame.add(.text(entry.box))
            if let link = entry.cell.link {
                frame.add(.link(Rect(x: entry.x, y: 0, width: entry.width, height: frame.size.height), target: link))
            }
            if !entry.cell.lineLinks.isEmpty {
                frame.items += lineLinks(entry.cell, box: entry.box)
            }
        }
        return frame
    }

    /// The longest prefix of `text`, plus "…", that fits `height` when wrapped at `width`.
    private func shortened(_ text: String, bold: Bool, italic: Bool, font: FontSpec, width: Double, height: Double) -> String {
        let chars = Array(text)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = String(chars[0..<mid]) + "…"
            if measurer.measure(StyledText([TextRun(candidate, bold: bold, italic: italic)]), font: font, width: width, lineSpacing: 1).height <= height { lo = mid } else { hi = mid - 1 }
        }
        return String(chars[0..<lo]) + "…"
    }

    /// One link rectangle per `\n`-separated line of a cell, each as tall as that line wraps to.
    private func lineLinks(_ cell: TableModel.Cell, box: TextBox) -> [FrameItem] {
        var items: [FrameItem] = []
        var y = box.origin.y
        let lines = cell.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            let h = measurer.measure(StyledText([TextRun(String(line), bold: cell.bold)]), font: box.font, width: box.width, lineSpacing: 1).height
            if i < cell.lineLinks.count, !cell.lineLinks[i].isEmpty {
                items.append(.link(Rect(x: box.origin.x, y: y, width: box.width ?? box.measured.width, height: h), target: cell.lineLinks[i]))
            }
            y += h
        }
        return items
    }
}
