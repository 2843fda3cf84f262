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

    /// Offset of the first invalid UTF-8 byte at or after `start`, validating in parallel for large inputs.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int, threads: Int?) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, buffer.count > start else { return nil }
            let shared = SharedBytes(base: base, count: buffer.count)
            let length = buffer.count - start
            let workers = length >= minimumParallelBytes ? workerCount(threads) : 1
            let bounds = (0...workers).map { k in start + length / workers * k + (k == workers ? length % workers : 0) }
            let results = map(workers) { k -> Int? in
                var from = bounds[k]
                // A sequence starting in the previous chunk owns up to three continuation bytes here.
                if k > 0 { var n = 0; while n < 3, from < bounds[k + 1], shared.base[from] & 0xC0 == 0x80 { from += 1; n += 1 } }
                return Transcoding.firstInvalidUTF8(shared.base, start: from, end: bounds[k + 1], limit: shared.count)
            }
            for case let bad?? in results { return bad }
            return nil
        }
    }

    /// Chunk starts (record boundaries) for `workers` chunks of `[start, end)`, using quote parity.
    static func chunkStarts(_ shared: SharedBytes, start: Int, end: Int, workers: Int) -> [Int] {
        let length = end - start
        let nominal = (0...workers).map { k in k == workers ? end : start + length / workers * k }
        let quoteCounts = map(workers) { k -> Int in
            var n = 0
            for i in nominal[k]..<nominal[k + 1] where shared.base[i] == 34 { n += 1 }
            return n
        }
        var starts = [start]
        var quotesBefore = 0
        for k in 1..<workers {
            quotesBefore += quoteCounts[k - 1] ?? 0
            var inQuotes = quotesBefore & 1 == 1
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
