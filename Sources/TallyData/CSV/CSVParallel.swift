#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import TallyCore

/// A raw pointer handed to worker threads; the owner keeps the buffer alive and unchanged meanwhile.
struct SharedBytes: @unchecked Sendable {
    /// Start of the bytes.
    let base: UnsafePointer<UInt8>
    /// Number of bytes.
    let count: Int
    /// Whether the bytes are a file mapping whose parsed pages may be released (`PageRelease`).
    var releasable = false

    /// Releases the whole pages in `[from, to)` when the bytes are a mapping (no-op otherwise).
    func release(from: Int, to: Int) {
        if releasable { PageRelease.release(base, from: from, to: to) }
    }
}

/// One result slot per worker; each worker writes only its own slot.
final class WorkerSlots<T>: @unchecked Sendable {
    /// The slots.
    private let storage: UnsafeMutablePointer<T?>
    /// Number of slots.
    let count: Int

    /// Creates `count` empty slots.
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Stores worker `index`'s result.
    func set(_ index: Int, _ value: T) { storage[index] = value }

    /// Takes every result out, in order.
    func takeAll() -> [T?] { (0..<count).map { i in storage[i].take() } }
}

/// Chunked parallel reading: split the bytes at record boundaries found by quote parity, parse the chunks
/// on all cores, and check that each chunk ended exactly where the next began.
///
/// Steps:
/// 1. Count `"` bytes per chunk (and validate UTF-8) in parallel.
/// 2. Chunk k's start: the first line break after its nominal offset that lies outside quotes, knowing the
///    quote parity of everything before it. A quoted line break that straddles a nominal offset is thus
///    never taken for a record end.
/// 3. Parse every chunk in parallel with the same sequential code.
/// 4. Verify: chunk k must end exactly at chunk k+1's start. This holds for every well-formed file; when a
///    malformed quote broke the parity guess, the chunks from the first mismatch on are re-read sequentially,
///    so the result is always identical to a sequential read.
enum CSVParallel {
    /// Files below this size are read on one thread.
    static let minimumParallelBytes = 1 << 20

    /// Number of workers for `options.threads` (nil: all active cores).
    static func workerCount(_ requested: Int?) -> Int {
        max(1, requested ?? System.activeProcessorCount)
    }

    /// Runs `body(k)` for k in 0..<count on all cores and returns the results in order.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T?] {
        let slots = WorkerSlots<T>(count: count)
        if count == 1 {
            slots.set(0, body(0))
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, body(k)) }
        }
        return slots.takeAll()
    }

    /// Block size of the validation pass and of the quote counts it records.
    static let blockSize = 1 << 20

    /// What the validation pass finds: the first invalid UTF-8 byte, and `"` counts per 1 MB block.
    struct Prepass {
        /// Offset of the first invalid byte, if any.
        var firstInvalid: Int?
        /// Number of `"` bytes in block b = `[b * blockSize, (b + 1) * blockSize)`.
        var quotesPerBlock: [Int]
    }

    /// Validates UTF-8 from `start` and counts quotes per block, in parallel for large inputs, releasing
    /// mapped pages behind it (one pass over memory serves both validation and chunk parity).
    static func prepass(_ shared: SharedBytes, from start: Int, threads: Int?) -> Prepass {
        let blocks = (shared.count + blockSize - 1) / blockSize
        guard shared.count > start, blocks > 0 else { return Prepass(firstInvalid: nil, quotesPerBlock: []) }
        let workers = min(blocks, shared.count - start >= minimumParallelBytes ? workerCount(threads) : 1)
        let results = map(workers) { k -> (Int?, [Int]) in
            var counts: [Int] = []
            for b in (blocks * k / workers)..<(blocks * (k + 1) / workers) {
                var from = max(start, b * blockSize)
                let to = min(shared.count, (b + 1) * blockSize)
                let blockStart = from
                // A sequence starting in the previous block owns up to three continuation bytes here.
                if b * blockSize > start { var n = 0; while n < 3, from < to, shared.base[from] & 0xC0 == 0x80 { from += 1; n += 1 } }
                if let bad = Transcoding.firstInvalidUTF8(shared.base, start: from, end: to, limit: shared.count) {
                    return (bad, counts)
                }
                counts.append(quoteCount(shared, from: blockStart, to: to))
                shared.release(from: blockStart, to: to)
            }
            return (nil, counts)
        }
        var counts: [Int] = []
        for case let (bad, part)? in results {
            if let bad { return Prepass(firstInvalid: bad, quotesPerBlock: []) }
            counts += part
        }
        return Prepass(firstInvalid: nil, quotesPerBlock: counts)
    }

    /// Exact count of `"` bytes in `[from, to)`, eight at a time (SWAR).
    static func quoteCount(_ shared: SharedBytes, from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i + 8 <= to {
            let x = UnsafeRawPointer(shared.base + i).loadUnaligned(as: UInt64.self) ^ SWAR.quote
            let zero = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & SWAR.highs
            n += zero.nonzeroBitCount
            i += 8
        }
        while i < to {
            if shared.base[i] == 34 { n += 1 }
            i += 1
        }
        return n
    }

    /// Chunk starts (record boundaries) for `workers` chunks of `[start, end)`, using quote parity.
    ///
    /// `quotesPerBlock` (from the prepass, counted from offset 0) gives the parity before any offset; bytes
    /// before `start` are the BOM, `sep=` line and header, whose quotes are balanced. Without it (transcoded
    /// input) the quotes are counted here.
    static func chunkStarts(_ shared: SharedBytes, start: Int, end: Int, workers: Int, quotesPerBlock: [Int]?) -> [Int] {
        let length = end - start
        let nominal = (0...workers).map { k in k == workers ? end : start + length / workers * k }
        let blocks: [Int] = quotesPerBlock ?? map((end + blockSize - 1) / blockSize) { b in
            quoteCount(shared, from: b * blockSize, to: min(end, (b + 1) * blockSize))
        }.map { $0 ?? 0 }
        var starts = [start]
        for k in 1..<workers {
            let block = nominal[k] / blockSize
            var quotes = blocks.prefix(block).reduce(0, +)
            quotes += quoteCount(shared, from: block * blockSize, to: nominal[k])
            var inQuotes = quotes & 1 == 1
            var i = nominal[k]
            var found = end
            while i < end {
                let b = shared.base[i]
                if b == 34 { inQuotes.toggle() }
                else if !inQuotes, b == 10 { found = i + 1; break }
                else if !inQuotes, b == 13 { found = (i + 1 < end && shared.base[i + 1] == 10) ? i + 2 : i + 1; break }
                i += 1
            }
            starts.append(max(found, starts[k - 1]))
        }
        starts.append(end)
        return starts
    }
}

/// The machine's core count without Foundation.
enum System {
    /// Cores available to this process.
    static var activeProcessorCount: Int {
        #if canImport(Glibc)
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}
