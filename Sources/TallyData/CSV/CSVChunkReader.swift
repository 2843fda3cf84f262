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

/// Field boundaries of a batch of records, stored column by column so each column is typed in one tight loop.
///
/// Mutable state lives behind pointers (no run-time exclusivity checks, unlike a class's `var`s).
final class FieldBatch {
    /// Records per batch.
    let capacity: Int
    /// Columns.
    let columns: Int
    /// `starts[c * capacity + r]`: field c of record r.
    let starts: UnsafeMutablePointer<Int>
    /// Field ends, same layout.
    let ends: UnsafeMutablePointer<Int>
    /// Quoting flags, same layout.
    let flags: UnsafeMutablePointer<UInt8>
    /// Line of each record (chunk-relative).
    let lines: UnsafeMutablePointer<Int>
    /// Start offset of each record.
    let recordStarts: UnsafeMutablePointer<Int>
    /// Chunk-relative number of each record.
    let numbers: UnsafeMutablePointer<Int>
    /// Holds the record count.
    private let counter: UnsafeMutablePointer<Int>

    /// Records in the batch.
    var count: Int {
        get { counter.pointee }
        set { counter.pointee = newValue }
    }

    /// Allocates a batch.
    init(capacity: Int, columns: Int) {
        self.capacity = capacity
        self.columns = columns
        starts = .allocate(capacity: capacity * max(columns, 1))
        ends = .allocate(capacity: capacity * max(columns, 1))
        flags = .allocate(capacity: capacity * max(columns, 1))
        lines = .allocate(capacity: capacity)
        recordStarts = .allocate(capacity: capacity)
        numbers = .allocate(capacity: capacity)
        counter = .allocate(capacity: 1)
        counter.pointee = 0
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
        lines.deallocate()
        recordStarts.deallocate()
        numbers.deallocate()
        counter.deallocate()
    }

    /// Adds the scanner's current record.
    @inline(__always)
    func add(_ fields: FieldBuffer, line: Int, start: Int, number: Int) {
        let r = counter.pointee
        let fs = fields.starts
        let fe = fields.ends
        let ff = fields.flags
        for c in 0..<columns {
            starts[c * capacity + r] = fs[c]
            ends[c * capacity + r] = fe[c]
            flags[c * capacity + r] = ff[c]
        }
        lines[r] = line
        recordStarts[r] = start
        numbers[r] = number
        counter.pointee = r + 1
    }

    /// Empties the batch.
    func clear() { counter.pointee = 0 }
}

/// Reads a range of records into typed column builders (the body every worker runs).
///
/// Records are split into a batch of field ranges, then each column types the whole batch in a loop
/// specialised for its type (branch-predictable, no per-field dispatch). When a declared column rejects a
/// value, the batch is rolled back and replayed record by record, so failures are exact.
enum CSVChunkReader {
    /// Records per batch.
    static let batchSize = 2048

    /// Parses records starting in `[start, limit)`.
    static func read(
        _ shared: SharedBytes, start: Int, limit: Int, delimiter: UInt8, plans: [ColumnPlan], context: ParseContext,
        policy: BadRowPolicy, expectedRows: Int
    ) -> ChunkOutcome {
        let columns = plans.count
        // Only the columns being read are typed; skipped ones keep an empty builder.
        let read = plans.indices.filter { !plans[$0].skip }
        let first = read.first ?? 0
        var outcome = ChunkOutcome(builders: plans.map { ColumnBuilder(plan: $0, expectedRows: $0.skip ? 0 : expectedRows) })
        var scanner = CSVScanner(base: shared.base, start: start, end: shared.count, limit: limit, delimiter: delimiter, firstLine: 0)
        let fields = FieldBuffer(capacity: columns * 2 + 8)
        // The batch is only a buffer (flushed when full), so it need not hold more records than the chunk can have:
        // each but the last takes at least one byte per delimiter, or one for its line end. A small or very wide
        // file then allocates kilobytes, not batchSize × columns × 17 bytes (348 MB for 10,000 columns).
        let batch = FieldBatch(capacity: min(batchSize, max(0, limit - start) / max(1, columns - 1) + 2), columns: columns)
        var scratch: [UInt8] = []
        var records = 0
        var skipped: [RecordFailure] = []
        var failure: RecordFailure?
        outcome.builders.withUnsafeMutableBufferPointer { builders in
            /// Types the batch column by column; on a rejected value, rolls back and replays record by record.
            var released = start
            /// `done`: every byte before it is parsed (its pages may go back to the kernel for mapped files).
            func flush(done: Int) {
                defer {
                    if shared.releasable, done - released >= 1 << 20 {
                        shared.release(from: released, to: done)
                        released = done
                    }
                    batch.clear()
                }
                guard batch.count > 0 else { return }
                let rows = read.isEmpty ? 0 : builders[first].count
                let levels = (0..<columns).map { builders[$0].dictionary.count }
                var rejected = false
                for c in read {
                    let o = c * batch.capacity
                    if !builders[c].appendBatch(shared.base, batch.starts + o, batch.ends + o, batch.flags + o, batch.count,
                                                context: context, scratch: &scratch) {
                        rejected = true
                        break
                    }
                }
                guard rejected else { return }
                for c in read { builders[c].truncate(to: rows, levels: levels[c]) }
                for r in 0..<batch.count {
                    let levelsBefore = (0..<columns).map { builders[$0].dictionary.count }
                    for (position, c) in read.enumerated() {
                        let i = c * batch.capacity + r
                        if !builders[c].append(shared.base, batch.starts[i], batch.ends[i], flag: batch.flags[i], context: context,
                                               scratch: &scratch) {
                            for k in read[..<position] { builders[k].truncate(to: builders[k].count - 1, levels: levelsBefore[k]) }
                            let f = RecordFailure(kind: .value(column: c, start: batch.starts[i], end: batch.ends[i], flag: batch.flags[i]),
                                                  recordLine: batch.lines[r], recordStart: batch.recordStarts[r], record: batch.numbers[r])
                            if policy == .fail {
                                failure = f
                                return
                            }
                            skipped.append(f)
                            break
                        }
                    }
                }
            }
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
                        batch.add(fields, line: scanner.recordLine, start: scanner.recordStart, number: records)
                        if batch.count == batch.capacity {
                            flush(done: scanner.recordStart)
                            if failure != nil { break reading }
                        }
                        continue
                    }
                }
                guard let kind = problem else { continue }
                // Earlier records are typed first, so failures stay in file order.
                flush(done: scanner.recordStart)
                if failure != nil { break reading }
                let record = RecordFailure(kind: kind, recordLine: scanner.recordLine, recordStart: scanner.recordStart, record: records)
                if policy == .fail {
                    failure = record
                    break reading
                }
                skipped.append(record)
                if case .structural(let e) = kind { scanner.resynchronise(after: e) }
            }
            if failure == nil { flush(done: scanner.recordStart) }
        }
        outcome.records = records
        outcome.lines = scanner.line
        outcome.end = scanner.position
        outcome.skipped = skipped
        outcome.failure = failure
        return outcome
    }
}
