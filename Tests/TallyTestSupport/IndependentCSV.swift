/// A deliberately simple RFC 4180 splitter used only by tests to compute expected numbers
/// independently of Tally's own reader (so the reader is never checked against itself).
public enum IndependentCSV {
    /// Parses comma-separated text with a header row into dictionaries keyed by header.
    public static func records(_ text: String) -> [[String: String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text.unicodeScalars)[...]
        if iterator.first == "\u{FEFF}" { iterator = iterator.dropFirst() }
        var index = iterator.startIndex
        while index < iterator.endIndex {
            let c = iterator[index]
            if inQuotes {
                if c == "\"" {
                    let next = iterator.index(after: index)
                    if next < iterator.endIndex && iterator[next] == "\"" {
                        field.unicodeScalars.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" {
                    let next = iterator.index(after: index)
                    if next < iterator.endIndex && iterator[next] == "\n" { index = next }
                }
                row.append(field)
                field = ""
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row = []
            } else {
                field.unicodeScalars.append(c)
            }
            index = iterator.index(after: index)
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { values in
            var record: [String: String] = [:]
            for (i, name) in header.enumerated() { record[name] = i < values.count ? values[i] : "" }
            return record
        }
    }
}
