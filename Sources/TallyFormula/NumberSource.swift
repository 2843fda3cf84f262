import TallyData

// Numbers read in place from typed column storage.
//
// Why: converting an integer, duration or date-time column to a fresh 8 MB array of doubles (page faults plus a
// pass over memory) was about a third of the formula benchmark, although most kernels read each element once.
// A reader yields element i as exactly the double the conversion would have stored (the same expression on the
// same stored value), so a kernel reading through it computes bit-identical results in the same order.

/// Element-by-element access to numbers in typed storage, as Excel numbers.
protocol NumberReader {
    /// Element `i` as the double `ColumnAccess.convert` would store for it.
    subscript(_ i: Int) -> Double { get }
}

/// Doubles as they are.
struct DoubleReader: NumberReader {
    let base: UnsafeBufferPointer<Double>
    @inline(__always) subscript(_ i: Int) -> Double { base[i] }
}

/// Whole numbers (integer columns).
struct IntegerReader: NumberReader {
    let base: UnsafeBufferPointer<Int64>
    @inline(__always) subscript(_ i: Int) -> Double { Double(base[i]) }
}

/// Durations stored in seconds, read in days (Excel's unit for time spans).
struct DurationReader: NumberReader {
    let base: UnsafeBufferPointer<Double>
    @inline(__always) subscript(_ i: Int) -> Double { base[i] / 86_400 }
}

/// Instants stored as seconds since 1970, read as serial numbers.
struct DateTimeReader: NumberReader {
    let base: UnsafeBufferPointer<Int64>
    @inline(__always) subscript(_ i: Int) -> Double { ExcelDate.serial(seconds: base[i]) }
}

/// Dates stored as days since 1970, read as serial numbers.
struct DateReader: NumberReader {
    let base: UnsafeBufferPointer<Int32>
    @inline(__always) subscript(_ i: Int) -> Double { ExcelDate.serial(days: base[i]) }
}

/// An operation generic over the reader (Swift closures cannot be generic, so kernels are wrapped in these).
protocol NumberReading {
    associatedtype Output
    /// Runs the operation on `count` elements of `xs`.
    func read<R: NumberReader>(_ xs: R, count: Int) -> Output
}

/// Numbers as stored: already-converted doubles, or a typed column's storage read through a `NumberReader`.
enum NumberStorage: Sendable {
    /// Doubles read as they are (decimal, percent and converted columns).
    case doubles([Double])
    /// Integer column values.
    case integers([Int64])
    /// Durations in seconds, read in days.
    case durations([Double])
    /// Instants in seconds since 1970, read as serial numbers.
    case datetimes([Int64])
    /// Days since 1970, read as serial numbers.
    case dates([Int32])

    /// The storage of a numeric column (nil for logical, text and category columns).
    init?(_ column: Column) {
        switch column.storage {
        case .integers(let v): self = .integers(v)
        case .numbers(let v): self = column.type == .duration ? .durations(v) : .doubles(v)
        case .dates(let v): self = .dates(v)
        case .datetimes(let v): self = .datetimes(v)
        case .booleans, .categories, .texts: return nil
        }
    }

    /// Number of stored elements.
    var count: Int {
        switch self {
        case .doubles(let v), .durations(let v): return v.count
        case .integers(let v), .datetimes(let v): return v.count
        case .dates(let v): return v.count
        }
    }

    /// True for storage that reads as serial dates.
    var isDate: Bool {
        switch self {
        case .datetimes, .dates: return true
        default: return false
        }
    }

    /// Runs `operation` with the reader matching the storage (one specialised copy per storage kind).
    func read<Op: NumberReading>(_ operation: Op) -> Op.Output {
        switch self {
        case .doubles(let v): return v.withUnsafeBufferPointer { operation.read(DoubleReader(base: $0), count: $0.count) }
        case .integers(let v): return v.withUnsafeBufferPointer { operation.read(IntegerReader(base: $0), count: $0.count) }
        case .durations(let v): return v.withUnsafeBufferPointer { operation.read(DurationReader(base: $0), count: $0.count) }
        case .datetimes(let v): return v.withUnsafeBufferPointer { operation.read(DateTimeReader(base: $0), count: $0.count) }
        case .dates(let v): return v.withUnsafeBufferPointer { operation.read(DateReader(base: $0), count: $0.count) }
        }
    }

    /// The elements as doubles (the conversion every reader mirrors); doubles are returned without a copy.
    func doubles() -> [Double] {
        if case .doubles(let v) = self { return v }
        return read(ToDoubles())
    }

    /// Elements `range` as doubles (clamped to the storage).
    func doubles(in range: Range<Int>) -> [Double] {
        read(ToDoubles(range: range.clamped(to: 0..<count)))
    }

    /// Writes every element (or those in `range`) into a new array through buffer pointers (the loop vectorises).
    private struct ToDoubles: NumberReading {
        var range: Range<Int>?

        func read<R: NumberReader>(_ xs: R, count: Int) -> [Double] {
            let range = self.range ?? 0..<count
            let start = range.lowerBound
            return [Double](unsafeUninitializedCapacity: range.count) { out, initialised in
                for i in 0..<range.count { out[i] = xs[start + i] }
                initialised = range.count
            }
        }
    }
}

/// A number vector's elements and status without a converted copy: what typed kernels read.
struct TypedNumbers {
    /// The values.
    var storage: NumberStorage
    /// Which elements are blank or errors.
    var status: Status
    /// Number of elements.
    var count: Int
    /// True when the values are serial dates.
    var isDate: Bool

    /// The numbers of a number vector (nil for other payloads).
    init?(_ vector: Vector) {
        guard case .numbers(let xs, let isDate) = vector.payload, xs.count >= vector.count else { return nil }
        self.init(storage: .doubles(xs), status: vector.status, count: vector.count, isDate: isDate)
    }

    /// Numbers read from storage with a status.
    init(storage: NumberStorage, status: Status, count: Int, isDate: Bool) {
        self.storage = storage
        self.status = status
        self.count = count
        self.isDate = isDate
    }
}
