import TallyGraphics

/// Measures a spreadsheet-style table into units: caption+header, one unit per row, totals, footnotes.
struct TableLayout {
    let theme: Theme
    let measurer: any TextMeasurer
    let width: Double

    private var cellFont: FontSpec { theme.font(size: theme.bodySize - 1) }
    private let padX = 5.0, padY = 3.5

    /// Splits the table into units the paginator can break between.
    func units(_ table: TableModel) -> [LayoutUnit] {
        let widths = columnWidths(table)
        var units: [LayoutUnit] = []
        let header = headerFrame(table, widths: widths)
        if let caption = table.caption {
            var frame = Frame(size: Size(width, 0))
            let box = measurer.box(StyledText([TextRun(caption, bold: true)]), font: cellFont.bold, color: theme.text, at: Point(0, 0), width: width)
            frame.add(.text(box))
            frame.size.height = box.measured.height + 4
            units.append(LayoutUnit(frame: frame, spaceAfter: 0, keepWithNext: true))
        }
        units.append(LayoutUnit(frame: header, spaceAfter: 0, keepWithNext: true))
        for (index, row) in table.rows.enumerated() {
            var unit = LayoutUnit(frame: rowFrame(row, widths: widths, columns: table.columns, zebra: index % 2 == 1, bold: false), spaceAfter: 0)
            unit.continuationHeader = header
            units.append(unit)
        }
        if let totals = table.totals {
            var frame = rowFrame(totals, widths: widths, columns: table.columns, zebra: false, bold: true)
            frame.items.insert(.shape(.line(from: Point(0, 0), to: Point(width, 0)), fill: nil, stroke: Stroke(color: theme.text, width: 0.8)), at: 0)
            var unit = LayoutUnit(frame: frame, spaceAfter: 0)
            unit.continuationHeader = header
            units.append(unit)
        }
        // Closing rule plus footnotes.
        var closing = Frame(size: Size(width, 4))
        closing.stroke(.line(from: Point(0, 0), to: Point(width, 0)), Stroke(color: theme.axis, width: 0.6))
        var y = 4.0
        for note in table.footnotes {
            let box = measurer.box(StyledText(plain: note), font: theme.font(size: theme.captionSize), color: theme.mutedText, at: Point(0, y), width: width)
            closing.add(.text(box))
            y += box.measured.height + 1
        }
        closing.size.height = y
        units.append(LayoutUnit(frame: closing, spaceAfter: 10))
        return units
    }

    /// Auto-fit: natural widths, then shrink wrapping (left-aligned text) columns, or share out spare room.
    func columnWidths(_ table: TableModel) -> [Double] {
        let count = table.columns.count
        guard count > 0 else { return [] }
        var natural = [Double](repeating: 0, count: count)
        for (i, column) in table.columns.enumerated() {
            natural[i] = measurer.measure(StyledText([TextRun(column.title, bold: true)]), font: cellFont.bold, width: nil, lineSpacing: 1).width
        }
        for row in table.rows + (table.totals.map { [$0] } ?? []) {
            for (i, cell) in row.enumerated() where i < count {
                let w = measurer.measure(StyledText([TextRun(cell.text, bold: cell.bold)]), font: cell.bold ? cellFont.bold : cellFont, width: nil, lineSpacing: 1).width
                natural[i] = max(natural[i], w)
            }
        }
        natural = natural.map { $0 + 2 * padX + 1 }
        if table.columns.contains(where: { $0.weight != nil }) {
            let weights = table.columns.map { $0.weight ?? 1 }
            let total = weights.reduce(0, +)
            return weights.map { width * $0 / total }
        }
        let sum = natural.reduce(0, +)
        if sum <= width {
            // Share the spare room: text columns take it first, numbers stay tight.
            let flexible = table.columns.indices.filter { table.columns[$0].alignment == .left }
            let targets = flexible.isEmpty ? Array(table.columns.indices) : flexible
            var result = natural
            let share = (width - sum) / Double(targets.count)
            for i in targets { result[i] += share }
            return result
        }
        // Too wide: wrap the text columns, keeping numbers whole; as a last resort scale everything.
        let fixed = table.columns.indices.filter { table.columns[$0].alignment != .left }.map { natural[$0] }.reduce(0, +)
        let textColumns = table.columns.indices.filter { table.columns[$0].alignment == .left }
        if fixed < width * 0.8, !textColumns.isEmpty {
            let textNatural = textColumns.map { natural[$0] }.reduce(0, +)
            var result = natural
            for i in textColumns { result[i] = natural[i] / textNatural * (width - fixed) }
            return result
        }
        return natural.map { $0 / sum * width }
    }

    private func headerFrame(_ table: TableModel, widths: [Double]) -> Frame {
        let cells = table.columns.map { TableModel.Cell($0.title, bold: true) }
        var frame = rowFrame(cells, widths: widths, columns: table.columns, zebra: false, bold: true)
        frame.items.insert(.shape(.rect(Rect(x: 0, y: 0, width: width, height: frame.size.height)), fill: theme.shade, stroke: nil), at: 0)
        frame.stroke(.line(from: Point(0, frame.size.height), to: Point(width, frame.size.height)), Stroke(color: theme.text, width: 0.8))
        return frame
    }

    private func rowFrame(_ cells: [TableModel.Cell], widths: [Double], columns: [TableModel.Column], zebra: Bool, bold: Bool) -> Frame {
        var boxes: [TextBox] = []
        var x = 0.0, height = 0.0
        for (i, w) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : TableModel.Cell("")
            let isBold = bold || cell.bold
            let box = measurer.box(
                StyledText([TextRun(cell.text, bold: isBold)]), font: isBold ? cellFont.bold : cellFont, color: cell.color ?? theme.text,
                at: Point(x + padX, padY), width: max(1, w - 2 * padX), alignment: columns[i].alignment)
            boxes.append(box)
            height = max(height, box.measured.height)
            x += w
        }
        var frame = Frame(size: Size(width, height + 2 * padY))
        if zebra { frame.fill(Rect(x: 0, y: 0, width: width, height: frame.size.height), theme.shade.withAlpha(0.6)) }
        for box in boxes { frame.add(.text(box)) }
        return frame
    }
}
