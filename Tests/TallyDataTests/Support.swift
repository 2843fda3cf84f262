import TallyCore
@testable import TallyData

/// Reads CSV text with the given options (path `data.csv`, table `data`).
func readCSV(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws(DiagnosticError) -> CSVReadResult {
    try CSVReader.read(bytes: Array(text.utf8), path: "data.csv", name: "data", options: options)
}

/// The single diagnostic a read fails with, or nil when it succeeds.
func readError(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) -> Diagnostic? {
    readError(bytes: Array(text.utf8), options)
}

/// The first diagnostic a read of raw bytes fails with, or nil when it succeeds.
func readError(bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) -> Diagnostic? {
    do {
        _ = try CSVReader.read(bytes: bytes, path: "data.csv", name: "data", options: options)
        return nil
    } catch {
        return error.diagnostics.first
    }
}

/// Every value of a column rendered as text (nil for missing).
func texts(_ result: CSVReadResult, _ name: String) -> [String?] {
    guard let column = result.table.column(named: name) else { return [] }
    return (0..<column.count).map { column.text(at: $0) }
}
