#if canImport(Glibc)
import Glibc
#endif
import TallyCore
import TallyData

/// Benchmark of the CSV reader (issue #4): read and fully type a generated 1M-row ticket file.
///
/// Steps: generate a deterministic ~118 MB ticket-like CSV into a temp dir (ISO datetimes with and without
/// offsets, quoted comments with commas, line breaks and doubled quotes, blanks in csat); then, for the
/// memory-mapped file path and for bytes read into memory, each with 2 workers and with 1, read the file
/// and type every column (types inferred, as `tally inspect` does) five times; report median wall MB/s,
/// CPU-seconds (the machine is shared, so wall time includes other people's load) and peak RSS
/// (getrusage) against the file size; delete the file.
/// Options: `--rows N` (default 1,000,000), `--runs N` (default 5), `--keep PATH` (write the file there and keep it),
/// `--file PATH` (read an existing file instead; with `--rows` giving its row count).
enum CSVBenchmark {
    /// Runs the benchmark with command-line options.
    static func run(_ arguments: [String]) {
        var rows = 1_000_000
        var runs = 5
        var keep: String?
        var existing: String?
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--rows": rows = Int(arguments[csvSafe: i + 1] ?? "") ?? rows; i += 1
            case "--runs": runs = Int(arguments[csvSafe: i + 1] ?? "") ?? runs; i += 1
            case "--keep": keep = arguments[csvSafe: i + 1]; i += 1
            case "--file": existing = arguments[csvSafe: i + 1]; i += 1
            default: break
            }
            i += 1
        }
        let path = existing ?? keep ?? "/tmp/tally-bench-csv-\(getpid()).csv"
        guard let size = existing.map({ _ in fileSize(path) }) ?? generate(rows: rows, to: path) else {
            print("csv: could not write \(path)")
            return
        }
        defer { if keep == nil, existing == nil { unlink(path) } }
        let mb = Double(size) / 1_000_000
        print("csv: \(rows) rows, \(format1(mb)) MB generated at \(path)")
        // Mapped-file reads first: ru_maxrss is a lifetime peak, so their peak is read before the in-memory runs.
        for mapped in [true, false] {
            for threads in [2, 1] {
                guard let line = measure(path: path, mapped: mapped, threads: threads, runs: runs, rows: rows, mb: mb) else { return }
                print(line)
            }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let peakMB = Double(usage.ru_maxrss) / 1000
            print("csv: peak RSS so far (after \(mapped ? "mapped-file" : "in-memory") reads) \(format1(peakMB)) MB = \(format3(peakMB / mb))× the file (target ≤ 1.5×)")
        }
        print("csv: targets ≥ 600 MB/s on 2 cores, ≥ 300 MB/s on 1 core (wall); CPU-seconds show the cost without other load")
    }

    /// Times `runs` reads; returns the summary line, or nil after printing an error.
    static func measure(path: String, mapped: Bool, threads: Int, runs: Int, rows: Int, mb: Double) -> String? {
        var times: [Double] = []
        var cpuTimes: [Double] = []
        var readTimes: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            var options = CSVReadOptions()
            options.threads = threads
            let t0 = now()
            let c0 = cpuSeconds()
            do {
                let result: CSVReadResult
                if mapped {
                    result = try CSVReader.read(contentsOfFile: path, name: "tickets", options: options)
                } else {
                    let bytes: [UInt8]
                    do { bytes = try LocalWorld().readFile(path) } catch {
                        print("csv: \(error)")
                        return nil
                    }
                    readTimes.append(now() - t0)
                    result = try CSVReader.read(bytes: bytes, path: path, name: "tickets", options: options)
                }
                times.append(now() - t0)
                cpuTimes.append(cpuSeconds() - c0)
                summary = result.table.columns.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: " ")
                if result.table.rowCount != rows { print("csv: expected \(rows) rows, got \(result.table.rowCount)") }
            } catch {
                print("csv: read failed:\n\(error)")
                return nil
            }
        }
        let wall = median(times)
        let cpu = median(cpuTimes)
        var line = "csv: \(mapped ? "file (mmap)" : "bytes in memory (file read included)"), \(threads) core\(threads == 1 ? "" : "s"): "
        line += "median \(format1(mb / wall)) MB/s wall (\(format3(wall)) s; runs \(times.map(format3).joined(separator: " ")))"
        line += "; CPU \(format3(cpu)) s = \(format1(mb / cpu)) MB per CPU-second"
        if !readTimes.isEmpty { line += "; of which file read \(format3(median(readTimes))) s" }
        if threads == 2, mapped { line += "\ncsv: columns \(summary)" }
        return line
    }

    /// Size of an existing file, or nil.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// User + system CPU seconds of this process (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Median of a non-empty list (0 when empty).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// One decimal.
    static func format1(_ v: Double) -> String { String(Double(Int((v * 10).rounded())) / 10) }

    /// Three decimals.
    static func format3(_ v: Double) -> String { String(Double(Int((v * 1000).rounded())) / 1000) }

    /// Writes the ticket file in 1 MB pieces (so the generator never holds it whole); returns its size.
    static func generate(rows: Int, to path: String) -> Int? {
        guard let file = fopen(path, "wb") else { return nil }
        defer { fclose(file) }
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return rng
        }
        let channels = ["phone", "email", "chat", "web", "social"]
        let teams = ["North", "South", "East", "West", "Central", "Escalations"]
        let categories = ["Billing", "Technical issue", "Delivery", "Returns", "Account access", "Complaint", "Other"]
        let comments = [
            "Customer happy, resolved first time", "Waited too long, \"very\" annoyed", "Called back, fixed\nafter reset",
            "Refund issued, 3 items", "Escalated to tier 2, see ticket", "\"Great\" service, thanks", "Line 1\r\nLine 2, done",
        ]
        var out: [UInt8] = []
        out.reserveCapacity(1 << 21)
        var size = 0
        func flush() {
            size += out.count
            _ = out.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            out.removeAll(keepingCapacity: true)
        }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        out.append(contentsOf: Array("id,opened_at,closed_at,channel,team,agent,category,handle_time,fcr,csat,nps,sla_met,comment\n".utf8))
        var start: Int64 = 1_735_689_600  // 2025-01-01T00:00:00Z
        for row in 1...max(1, rows) {
            start += Int64(next() % 60)
            let handle = Int(next() % 3600) + 30
            let closed = start + Int64(handle) + Int64(next() % 7200)
            func iso(_ s: Int64, offset: Bool) -> String {
                let days = Int(s / 86_400)
                let rest = Int(s % 86_400)
                let date = CivilDate(daysSinceEpoch: days)
                let text = "\(date)T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
                return offset ? text + "+00:00" : text + "Z"
            }
            var line = "\(row),\(iso(start, offset: false)),\(iso(closed, offset: row % 3 == 0)),"
            line += "\(channels[Int(next() % 5)]),\(teams[Int(next() % 6)]),agent_\(next() % 400),"
            line += "\(categories[Int(next() % 7)]),\(handle),\(next() % 3 == 0 ? "N" : "Y"),"
            let csat = next() % 6
            line += csat == 0 ? "," : "\(csat),"
            line += "\(next() % 11),\(next() % 4 == 0 ? "false" : "true"),"
            if next() % 5 < 3 {
                // Mostly unique texts (as real comments are), so the column is typed as text, not category.
                let c = comments[Int(next() % UInt64(comments.count))] + (row % 4 == 0 ? "" : " (ref \(row))")
                line += "\"" + c.csvReplacingAll("\"", with: "\"\"") + "\""
            }
            line += "\n"
            out.append(contentsOf: Array(line.utf8))
            if out.count >= 1 << 20 { flush() }
        }
        flush()
        return size
    }
}

fileprivate extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(csvSafe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}

fileprivate extension String {
    /// Replaces every occurrence of `target`.
    func csvReplacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
