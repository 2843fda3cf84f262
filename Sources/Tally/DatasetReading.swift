import TallyCore
import TallyData
import TallyEval
import TallySpec

/// Reads a spec's datasets from disk into tables, translating the spec's parse options for the CSV reader.
enum DatasetReading {
    /// Every dataset of the spec, read relative to the spec's directory; all problems are collected.
    static func read(_ spec: Spec, specPath: String, world: any World, selection: ColumnSelection? = nil, limits: Limits = .standard) -> Result<[String: DatasetInput], DiagnosticError> {
        var inputs: [String: DatasetInput] = [:]
        var problems: [Diagnostic] = []
        for dataset in spec.datasets {
            switch read(dataset, spec: spec, specPath: specPath, world: world, selection: selection, limits: limits) {
            case .success(let input): inputs[dataset.name.value] = input
            case .failure(let error): problems += error.diagnostics
            }
        }
        return problems.containsErrors ? .failure(DiagnosticError(problems)) : .success(inputs)
    }

    /// The path of a dataset's file: relative paths are relative to the spec's directory.
    static func path(of dataset: DatasetSpec, specPath: String) -> String {
        Path.normalised(Path.join(Path.directory(of: specPath), dataset.file.value))
    }

    /// Reads one dataset: the memory budget first (file size, then an estimate of the typed table), then the
    /// file — memory-mapped when the world allows it, so a large export is never copied into memory.
    static func read(_ dataset: DatasetSpec, spec: Spec, specPath: String, world: any World, selection: ColumnSelection? = nil, limits: Limits = .standard) -> Result<DatasetInput, DiagnosticError> {
        let path = path(of: dataset, specPath: specPath)
        // The file alone must fit the budget before it is read.
        if let size = world.fileSize(path), size > limits.maxDatasetMemory {
            return .failure(DiagnosticError(overBudget(dataset, path: path, estimate: size, limit: limits.maxDatasetMemory, what: "the file alone is")))
        }
        var options = readOptions(for: dataset, reportTimeZone: spec.report.timezone.value)
        options.fingerprint = true
        // Only the columns the spec mentions are typed — unless rows may be skipped for bad values, where a bad
        // value in any column decides whether the row counts.
        if dataset.badRows != .skip { options.columns = selection }
        let cannotRead = { (reason: String) in
            DiagnosticError(.error(
                .data, "cannot read data file '\(path)' for dataset '\(dataset.name.value)': \(reason)", at: dataset.file.location,
                hint: "paths in 'file:' are relative to the spec's folder (\(Path.directory(of: specPath)))"))
        }
        // The source: a mapped local file, or the bytes through the world (in-memory and confined worlds).
        let local = world.mappablePath(path)
        var bytes: [UInt8] = []
        let prefix: [UInt8], size: Int
        if let local {
            guard let head = MemoryEstimate.prefix(ofFile: local), let fileSize = world.fileSize(path) else { return .failure(cannotRead("cannot open it")) }
            (prefix, size) = (head, fileSize)
        } else {
            do { bytes = try world.readFile(path) } catch { return .failure(cannotRead(error.reason)) }
            (prefix, size) = (Array(bytes.prefix(MemoryEstimate.prefixBytes)), bytes.count)
        }
        // Then the file with its typed columns, estimated before parsing.
        let estimate = MemoryEstimate.bytes(prefix: prefix, fileSize: size, path: path, options: options)
        if estimate > limits.maxDatasetMemory {
            return .failure(DiagnosticError(overBudget(dataset, path: path, estimate: estimate, limit: limits.maxDatasetMemory, what: "reading it would take about")))
        }
        let result: CSVReadResult
        do {
            if let local {
                // Pages are handed back to the kernel as they are parsed.
                result = try CSVReader.read(contentsOfFile: local, name: dataset.name.value, options: options)
            } else {
                result = try CSVReader.read(bytes: bytes, path: path, name: dataset.name.value, options: options)
            }
        } catch {
            return .failure(error)
        }
        var problems: [Diagnostic] = result.warnings
        for column in dataset.columns where result.table.column(named: column.name.value) == nil {
            problems.append(.error(
                .data, "column '\(column.name.value)' declared for dataset '\(dataset.name.value)' is not in \(path)", at: column.name.location,
                hint: "the file's columns are: \(result.table.columns.map(\.name).joined(separator: ", "))"))
        }
        if problems.containsErrors { return .failure(DiagnosticError(problems)) }
        let rejected = result.skippedRows.prefix(20)
        var facts = DatasetFacts(
            name: dataset.name.value, file: FileFacts(path: path, sha256: result.sha256 ?? "", bytes: result.byteCount),
            delimiter: result.dialect.delimiterName, encoding: result.dialect.encoding.rawValue,
            rowsRead: result.table.rowCount + result.skippedRows.count, rowsRejected: result.skippedRows.count,
            rejected: Array(rejected),
            columns: result.table.columns.map { ColumnFacts(name: $0.name, type: $0.type.rawValue, missing: $0.validity.missingCount) },
            filter: dataset.filter?.value, rowsAfterFilter: result.table.rowCount)
        facts.unreadColumns = result.unreadColumns
        return .success(DatasetInput(table: result.table, facts: facts))
    }

    /// The error for a dataset that does not fit its memory budget, saying how to raise it.
    static func overBudget(_ dataset: DatasetSpec, path: String, estimate: Int, limit: Int, what: String) -> Diagnostic {
        .error(
            .data, "dataset '\(dataset.name.value)' (\(path)) is over its memory budget: \(what) \(ByteSize.describe(estimate)), "
                + "the budget is \(ByteSize.describe(limit))", at: dataset.file.location,
            hint: "raise the budget with --max-dataset-memory (e.g. --max-dataset-memory \(MemoryEstimate.suggestion(for: estimate))), "
                + "or filter the export to the rows and columns the report needs")
    }

    /// The CSV reader's options from the spec's dataset settings.
    static func readOptions(for dataset: DatasetSpec, reportTimeZone: String) -> CSVReadOptions {
        var schema: [String: TallyData.ColumnSpec] = [:]
        for column in dataset.columns {
            schema[column.name.value] = TallyData.ColumnSpec(
                columnType(column.type), format: column.format?.value, timeZone: column.timezone?.value)
        }
        return CSVReadOptions(
            delimiter: dataset.delimiter.byte.map { .byte($0) } ?? .auto,
            encoding: CSVEncoding(name: dataset.encoding.rawValue) ?? .utf8,
            decimalSeparator: dataset.decimal == .comma ? UInt8(ascii: ",") : UInt8(ascii: "."),
            thousandsSeparator: dataset.thousands.rawValue.utf8.first,
            missingTokens: dataset.missing.map { $0.lowercased() },
            trueTokens: dataset.booleans.trueWords.map { $0.lowercased() },
            falseTokens: dataset.booleans.falseWords.map { $0.lowercased() },
            badRows: dataset.badRows == .skip ? .skip : .fail, schema: schema, timeZone: reportTimeZone)
    }

    /// The reader's column type for a spec column type.
    static func columnType(_ type: TallySpec.ColumnType) -> TallyData.ColumnType {
        TallyData.ColumnType(rawValue: type.rawValue) ?? (type.rawValue == "number" ? .decimal : .text)
    }
}
