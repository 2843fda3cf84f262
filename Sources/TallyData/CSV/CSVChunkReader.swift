import TallyCore

/// A malformed record found by a worker, with chunk-relative line and record numbers.
struct RecordFailure: Sendable {
    /// What went wrong.
    enum Kind: Sendable {
        /// Quoting problem.
        case structural(ScanError)
        /// Wrong number of fields.
        case ragged(found: Int, offset: Int)
        /// A declared column could not read its value.
        case value(column: Int, start: Int, end: Int, flag: UInt8)
    }

    /// The problem.
    var kind: Kind
    /// Chunk-relative line where the record starts.
    var recordLine: Int
    /// Byte offset where the record starts.
    var recordStart: Int
    /// Chunk-relative 1-based record number.
    var record: Int
}

/// What one worker produced for its range of records.
struct ChunkOutcome: Sendable {
    /// One builder per column.
    var builders: [ColumnBuilder]
    /// Records seen (kept and skipped).
    var records = 0
    /// Line breaks consumed.
    var lines = 0
    /// Offset where the worker stopped.
    var end = 0
    /// Skipped records (policy `skip`).
    var skipped: [RecordFailure] = []
    /// The failure that stopped the worker (policy `fail`).
    var failure: RecordFailure?
}

/// Reads a range of records into typed column builders (the body every worker runs).
enum CSVChunkReader {
    /// Parses records starting in `[start, limit)`.
    static func read(
        _ shared: SharedBytes, start: Int, limit: Int, delimiter: UInt8, plans: [ColumnPlan], context: ParseContext,
        policy: BadRowPolicy, expectedRows: Int
    ) -> ChunkOutcome {
        let columns = plans.count
        var outcome = ChunkOutcome(builders: plans.map { ColumnBuilder(plan: $0, expectedRows: expectedRows) })
        var scanner = CSVScanner(base: shared.base, start: start, end: shared.count, limit: limit, delimiter: delimiter, firstLine: 0)
        let fields = FieldBuffer(capacity: columns * 2 + 8)
        var scratch: [UInt8] = []
        var records = 0
        var skipped: [RecordFailure] = []
        var failure: RecordFailure?
        outcome.builders.withUnsafeMutableBufferPointer { builders in
            reading: while true {
                let result = scanner.nextRecord(into: fields)
                var problem: RecordFailure.Kind?
                switch result {
                case .end: break reading
                case .error(let e):
                    records += 1
                    problem = .structural(e)
                case .record:
                    records += 1
                    if fields.count != columns {
                        let offset = fields.count > columns
                            ? fields.starts[columns] - Int(fields.flags[columns] == 0 ? 0 : 1)
                            : fields.ends[fields.count - 1] + Int(fields.flags[fields.count - 1] == 0 ? 0 : 1)
                        problem = .ragged(found: fields.count, offset: offset)
                    } else {
                        for c in 0..<columns {
                            let ok = builders[c].append(
                                shared.base, fields.starts[c], fields.ends[c], flag: fields.flags[c], context: context,
                                scratch: &scratch)
                            if !ok {
                                for k in 0..<c { builders[k].removeLast() }
                                problem = .value(column: c, start: fields.starts[c], end: fields.ends[c], flag: fields.flags[c])
                                break
                            }
                        }
                    }
                }
                guard let kind = problem else { continue }
                let record = RecordFailure(kind: kind, recordLine: scanner.recordLine, recordStart: scanner.recordStart, record: records)
                if policy == .fail {
                    failure = record
                    break reading
                }
                skipped.append(record)
                if case .structural(let e) = kind { scanner.resynchronise(after: e) }
            }
        }
        outcome.records = records
        outcome.lines = scanner.line
        outcome.end = scanner.position
        outcome.skipped = skipped
        outcome.failure = failure
        return outcome
    }
}
