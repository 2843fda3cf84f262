import TallyCore
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TallyData

/// Chunked parallel reads give exactly the sequential result, including quoted line breaks at chunk edges.
@Suite struct CSVParallelTests {
    /// A file whose quoted multi-line comments fall on every possible chunk boundary as the split moves.
    static func tickets(_ rows: Int) -> String {
        var text = "id,channel,comment,score\n"
        for i in 1...rows {
            let comment: String
            switch i % 5 {
            case 0: comment = "\"line one\nline two, \"\"quoted\"\"\r\nthree\""
            case 1: comment = ""
            case 2: comment = "\"a,b\""
            case 3: comment = "plain"
            default: comment = "\"\n\n\""
            }
            text += "\(i),\(["phone", "email", "chat"][i % 3]),\(comment),\(i % 7 == 0 ? "" : String(i % 11))\n"
            if i % 13 == 0 { text += "\n" }
        }
        return text
    }

    @Test func parallelEqualsSequential() throws {
        let text = Self.tickets(400)
        let bytes = Array(text.utf8)
        var sequential = CSVReadOptions()
        sequential.threads = 1
        let expected = try CSVReader.read(bytes: bytes, path: "t.csv", name: "t", options: sequential, minimumParallelBytes: 1)
        #expect(expected.table.rowCount == 400)
        for threads in [2, 3, 5, 8, 13, 31] {
            var options = CSVReadOptions()
            options.threads = threads
            let result = try CSVReader.read(bytes: bytes, path: "t.csv", name: "t", options: options, minimumParallelBytes: 1)
            #expect(result.table.rowCount == expected.table.rowCount, "threads \(threads)")
            for (a, b) in zip(result.table.columns, expected.table.columns) {
                #expect(a == b, "threads \(threads) column \(a.name): \(a.type) \(b.type) \(a.validity == b.validity) \(a.storage == b.storage)")
            }
        }
    }

    @Test func chunkStartsNeverSplitAQuotedLineBreak() {
        let bytes = Array(Self.tickets(200).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let shared = SharedBytes(base: buffer.baseAddress!, count: buffer.count)
            for workers in 2...40 {
                let starts = CSVParallel.chunkStarts(shared, start: 0, end: buffer.count, workers: workers, quotesPerBlock: nil)
                let prepass = CSVParallel.prepass(shared, from: 0, threads: 2)
                #expect(prepass.firstInvalid == nil)
                #expect(prepass.quotesPerBlock.reduce(0, +) == buffer.filter { $0 == 34 }.count)
                #expect(CSVParallel.chunkStarts(shared, start: 0, end: buffer.count, workers: workers,
                                                quotesPerBlock: prepass.quotesPerBlock) == starts)
                // Every start must be a record start of the sequential scan.
                var recordStarts = Set<Int>([0, buffer.count])
                let fields = FieldBuffer()
                var scanner = CSVScanner(base: shared.base, start: 0, end: buffer.count, limit: buffer.count, delimiter: 44, firstLine: 1)
                while case .record = scanner.nextRecord(into: fields) {
                    recordStarts.insert(scanner.position)
                    recordStarts.insert(scanner.recordStart)
                }
                for s in starts {
                    let ok = recordStarts.contains(s) || isBlankRun(buffer, from: s, to: recordStarts)
                    #expect(ok, "workers \(workers) start \(s): \(String(decoding: buffer[max(0, s - 30)..<min(buffer.count, s + 10)], as: UTF8.self).debugDescription)")
                }
            }
        }
    }

    @Test func prepassParityOverManyBlocksMatchesADirectCount() {
        var text = "h1,h2\n"
        var i = 0
        while text.utf8.count < 3 * CSVParallel.blockSize + 12_345 {
            text += i % 3 == 0 ? "\(i),\"x\n\"\"y\"\"\"\n" : "\(i),plain\n"
            i += 1
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let shared = SharedBytes(base: buffer.baseAddress!, count: buffer.count)
            let prepass = CSVParallel.prepass(shared, from: 0, threads: 3)
            #expect(prepass.quotesPerBlock.count == 4)
            for workers in [2, 3, 7, 16] {
                let direct = CSVParallel.chunkStarts(shared, start: 6, end: buffer.count, workers: workers, quotesPerBlock: nil)
                let viaPrepass = CSVParallel.chunkStarts(shared, start: 6, end: buffer.count, workers: workers,
                                                         quotesPerBlock: prepass.quotesPerBlock)
                #expect(direct == viaPrepass)
                // Every start is right after a line break that ends a record (never inside "x\n").
                for s in viaPrepass.dropFirst().dropLast() { #expect(buffer[s - 1] == 10 && buffer[s - 2] != UInt8(ascii: "x")) }
            }
        }
    }

    /// Whether only blank lines lie between `from` and the next record start.
    func isBlankRun(_ b: UnsafeBufferPointer<UInt8>, from: Int, to starts: Set<Int>) -> Bool {
        var i = from
        while i < b.count, b[i] == 10 || b[i] == 13 { i += 1 }
        return starts.contains(i)
    }

    @Test func errorsAndSkipsMatchSequentialLineNumbers() throws {
        var text = Self.tickets(300)
        text += "301,phone,\"broken\n302,email,x,1\n"
        for threads in [1, 2, 4, 7] {
            var options = CSVReadOptions()
            options.threads = threads
            let d = try #require(readErrorParallel(text, options))
            #expect(d.message.contains("never closed"))
            #expect(d.location?.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 2 || d.location?.line != nil)
        }
        var bad = (1...300).map { "\($0),phone,\"two\nlines\",\($0 % 9)" }
        bad[100] += ",extra"
        bad[250] = "oops"
        let badText = "id,channel,comment,score\n" + bad.joined(separator: "\n")
        var sequential: [SkippedRow] = []
        for threads in [1, 2, 3, 6] {
            var options = CSVReadOptions()
            options.threads = threads
            options.badRows = .skip
            let r = try CSVReader.read(bytes: Array(badText.utf8), path: "t.csv", name: "t", options: options, minimumParallelBytes: 1)
            if threads == 1 { sequential = r.skippedRows } else { #expect(r.skippedRows == sequential) }
            #expect(r.skippedRows.count == 2)
            #expect(r.table.rowCount == 298)
        }
        #expect(sequential.map(\.line) == [202, 502])
        #expect(sequential.map(\.record) == [101, 251])
        #expect(sequential.first?.reason.hasPrefix("record 101 on line 203 has 5 fields, expected 4") == true)
    }

    func readErrorParallel(_ text: String, _ options: CSVReadOptions) -> Diagnostic? {
        do {
            _ = try CSVReader.read(bytes: Array(text.utf8), path: "t.csv", name: "t", options: options, minimumParallelBytes: 1)
            return nil
        } catch { return error.diagnostics.first }
    }
}

/// Reading a mapped file gives the same table as reading its bytes, with pages released as it goes.
@Suite struct CSVMappedFileTests {
    @Test func mappedReadEqualsInMemoryRead() throws {
        var text = "id,channel,comment,score\n"
        for i in 1...60_000 { text += "\(i),\(["phone", "email"][i % 2]),\"note \(i % 50),\nmore\",\(i % 11)\n" }
        let path = "/tmp/tally-csv-mapped-\(getpid()).csv"
        let bytes = Array(text.utf8)
        try LocalWorld().writeFileAtomically(bytes, to: path)
        defer { unlink(path) }
        for threads in [1, 2, 3] {
            var options = CSVReadOptions()
            options.threads = threads
            let mapped = try CSVReader.read(contentsOfFile: path, name: "t", options: options, minimumParallelBytes: 1)
            let memory = try CSVReader.read(bytes: bytes, path: path, name: "t", options: options, minimumParallelBytes: 1)
            #expect(mapped.table == memory.table)
            #expect(mapped.table.rowCount == 60_000)
        }
        var bad = bytes
        bad.append(contentsOf: Array("60001,phone,x,oops\n".utf8))
        var options = CSVReadOptions()
        options.schema = ["score": ColumnSpec(.integer)]
        try LocalWorld().writeFileAtomically(bad, to: path)
        do {
            _ = try CSVReader.read(contentsOfFile: path, name: "t", options: options, minimumParallelBytes: 1)
            Issue.record("expected a type error")
        } catch {
            #expect(error.diagnostics.first?.location?.line == 120_002)
            #expect(error.diagnostics.first?.sourceLine == "60001,phone,x,oops")
        }
        let missing = try #require(throws: DiagnosticError.self) {
            try CSVReader.read(contentsOfFile: "/nonexistent/x.csv", name: "x")
        }
        #expect(missing.diagnostics.first?.message.hasPrefix("cannot read the data file") == true)
    }
}

/// Concatenating validity bits at every alignment keeps every bit.
@Test func validityConcatenationAtAnyAlignment() {
    for first in [0, 1, 5, 63, 64, 65, 130] {
        for second in [0, 1, 7, 64, 100] {
            var a = ValidityBuilder()
            var b = ValidityBuilder()
            var expected: [Bool] = []
            for i in 0..<first { a.append(i % 3 == 0); expected.append(i % 3 == 0) }
            for i in 0..<second { b.append(i % 5 != 1); expected.append(i % 5 != 1) }
            a.append(contentsOf: b)
            #expect(a.count == expected.count)
            #expect(a.bitmap == ValidityBitmap(expected), "\(first) + \(second)")
        }
    }
}
