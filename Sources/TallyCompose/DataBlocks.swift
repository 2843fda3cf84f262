import TallyCore
import TallyEval
import TallyGraphics
import TallyLayout
import TallySpec

/// Document blocks for data tables and verbatim quotes.
enum DataBlocks {
    /// A spreadsheet-style table of the selected rows; numbers right-aligned.
    static func table(_ data: BlockData, block: BlockSpec) -> [DocumentBlock] {
        guard let header = data.tableHeader, let rows = data.tableRows else { return [] }
        let numeric = header.indices.map { index in
            rows.allSatisfy { row in
                let cell = index < row.count ? row[index] : ""
                return cell.isEmpty || cell.first.map { "0123456789−-+£$".contains($0) } == true
            }
        }
        let columns = header.enumerated().map { TableModel.Column(heading($0.element), alignment: numeric[$0.offset] ? .right : .left) }
        let cells = rows.map { row in row.map { TableModel.Cell($0) } }
        let note = "\(rows.count) row\(rows.count == 1 ? "" : "s") from dataset '\(data.dataset ?? "")'."
        return [.table(TableModel(caption: block.title, columns: columns, rows: cells, footnotes: [block.caption ?? note]))]
    }

    /// A column name as a heading: `total_pct` → "Total pct" (names with capitals or spaces are kept as written).
    static func heading(_ name: String) -> String {
        guard name == name.lowercased(), !name.contains(" ") else { return name }
        let words = name.split(whereSeparator: { $0 == "_" || $0 == "-" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Quotes as an italic list, each with its date and rating when known.
    static func quotes(_ data: BlockData, block: BlockSpec) -> [DocumentBlock] {
        guard let quotes = data.quotes, !quotes.isEmpty else {
            return [.paragraph(StyledText([TextRun("No comments matched this block's filter.", italic: true)]))]
        }
        var out: [DocumentBlock] = []
        if let title = block.title { out.append(.heading(title, level: 2, anchor: "block-" + data.blockId)) }
        let items = quotes.map { quote -> StyledText in
            var attribution: [String] = []
            if let date = quote["date"], let civil = CivilDate(iso: Substring(date)) { attribution.append(civil.britishShort) }
            if let source = quote["source"] { attribution.append(source) }
            if let channel = quote["channel"] { attribution.append(channel) }
            if let rating = quote["rating"] ?? quote["csat"] { attribution.append("rating \(rating)") }
            let text = (quote["text"] ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            return StyledText([
                TextRun("“\(text)”", italic: true),
                TextRun(attribution.isEmpty ? "" : "  — " + attribution.joined(separator: ", "), color: Color(hex: 0x595959)),
            ])
        }
        out.append(.bullets(items))
        return out
    }
}
