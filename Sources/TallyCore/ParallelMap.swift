#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs a function over items with a fixed number of workers (Dispatch threads), keeping the input order.
public enum ParallelMap {
    /// One worker per active processor.
    public static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Maps `items` on every processor, keeping the input order.
    public static func run<Input: Sendable, Output: Sendable>(_ items: [Input], _ body: @Sendable @escaping (Input) -> Output) -> [Output] {
        run(items, workers: processors, body)
    }

    /// Maps `items` with at most `workers` items in flight.
    public static func run<Input: Sendable, Output: Sendable>(_ items: [Input], workers: Int, _ body: @Sendable @escaping (Input) -> Output) -> [Output] {
        guard workers > 1, items.count > 1 else { return items.map(body) }
        let results = ResultBox<Output>(count: items.count)
        let next = ResultBox<Int>(count: 1)
        DispatchQueue.concurrentPerform(iterations: min(workers, items.count)) { _ in
            while let index = next.takeNext(limit: items.count) { results.set(index, body(items[index])) }
        }
        return (0..<items.count).compactMap { results.get($0) }
    }
}

/// Lock-protected slots shared by worker threads.
public final class ResultBox<Value>: @unchecked Sendable {
    private var values: [Value?]
    private var lock = pthread_mutex_t()

    /// Empty slots.
    public init(count: Int) {
        values = [Value?](repeating: nil, count: count)
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    /// Fills a slot.
    public func set(_ index: Int, _ value: Value) {
        pthread_mutex_lock(&lock)
        values[index] = value
        pthread_mutex_unlock(&lock)
    }

    /// Reads a slot.
    public func get(_ index: Int) -> Value? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return values[index]
    }

    /// For an integer counter in slot 0: returns the current value and increments it, or nil at `limit`.
    public func takeNext(limit: Int) -> Int? where Value == Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let current = values[0] ?? 0
        guard current < limit else { return nil }
        values[0] = current + 1
        return current
    }
}
