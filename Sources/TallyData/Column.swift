/// The logical type of a column, as declared in a spec schema or inferred by the reader.
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Whole numbers (Int64).
    case integer
    /// Decimal numbers (Double).
    case decimal
    /// Percentages, stored as fractions (`85%` → 0.85), as a spreadsheet does.
    case percent
    /// True/false.
    case boolean
    /// Calendar dates, stored as days since 1970-01-01.
    case date
    /// Instants, stored as seconds since 1970-01-01T00:00:00Z.
    case datetime
    /// Durations, stored as seconds (Double).
    case duration
    /// Repeated labels, dictionary-encoded.
    case category
    /// Free text.
    case text

    /// True for types whose values are numbers a formula can add up.
    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .percent, .duration: return true
        default: return false
        }
    }
}

/// Which rows of a column hold a value (bit set) and which are missing (bit clear).
public struct ValidityBitmap: Sendable, Equatable {
    /// Packed bits, 64 rows per word, row i at bit (i % 64) of word (i / 64).
    public private(set) var words: [UInt64]
    /// Number of rows covered.
    public private(set) var count: Int

    /// A bitmap of `count` rows, all valid or all missing.
    public init(count: Int, allValid: Bool = true) {
        self.count = count
        let wordCount = (count + 63) / 64
        words = [UInt64](repeating: allValid ? ~0 : 0, count: wordCount)
        if allValid, count % 64 != 0, wordCount > 0 {
            words[wordCount - 1] = (1 << UInt64(count % 64)) - 1
        }
    }

    /// Adopts packed words (row i at bit i % 64 of word i / 64); bits past `count` must be clear.
    public init(words: [UInt64], count: Int) {
        self.count = count
        self.words = words
    }

    /// Builds a bitmap from one Bool per row.
    public init(_ flags: [Bool]) {
        self.init(count: flags.count, allValid: false)
        for (i, flag) in flags.enumerated() where flag { set(i, true) }
    }

    /// Whether row `index` holds a value (inlinable: hot loops in other modules test it per row).
    @inlinable @inline(__always) public subscript(index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Marks row `index` valid or missing.
    @inline(__always) public mutating func set(_ index: Int, _ valid: Bool) {
        if valid { words[index >> 6] |= 1 << UInt64(index & 63) } else { words[index >> 6] &= ~(1 << UInt64(index & 63)) }
    }

    /// Appends one row.
    public mutating func append(_ valid: Bool) {
        if count % 64 == 0 { words.append(0) }
        count += 1
        if valid { set(count - 1, true) }
    }

    /// Number of valid rows.
    public var validCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Number of missing rows.
    public var missingCount: Int { count - validCount }
}

/// Many strings in one byte buffer with offsets: one allocation per column instead of one per row.
public struct TextStorage: Sendable, Equatable {
    /// UTF-8 bytes of every value, back to back.
    public private(set) var bytes: [UInt8]
    /// `offsets[i]..<offsets[i+1]` is value i; always `count + 1` entries.
    public private(set) var offsets: [Int]

    /// An empty storage.
    public init() {
        bytes = []
        offsets = [0]
    }

    /// Builds storage from strings.
    public init<S: Sequence>(_ values: S) where S.Element == String {
        self.init()
        for value in values { append(value) }
    }

    /// Adopts prepared buffers: `offsets` starts at 0, never decreases, ends at `bytes.count`, and every
    /// value is valid UTF-8 (the CSV reader builds whole columns this way without a copy per value).
    public init(bytes: [UInt8], offsets: [Int]) {
        self.bytes = bytes
        self.offsets = offsets.isEmpty ? [0] : offsets
    }

    /// Number of values.
    public var count: Int { offsets.count - 1 }

    /// Appends one value.
    public mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
        offsets.append(bytes.count)
    }

    /// Appends raw UTF-8 bytes (the caller guarantees they are valid UTF-8).
    public mutating func append<C: Collection>(utf8 value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    /// Value `index` as a String.
    public subscript(index: Int) -> String {
        String(decoding: bytes[offsets[index]..<offsets[index + 1]], as: UTF8.self)
    }

    /// Value `index` as raw bytes (no allocation).
    public func utf8(_ index: Int) -> ArraySlice<UInt8> { bytes[offsets[index]..<offsets[index + 1]] }
}

/// The values of one column in contiguous, typed storage.
public enum ColumnStorage: Sendable, Equatable {
    /// `integer` columns.
    case integers([Int64])
    /// `decimal`, `percent` (fractions) and `duration` (seconds) columns.
    case numbers([Double])
    /// `boolean` columns.
    case booleans([Bool])
    /// `date` columns: days since 1970-01-01.
    case dates([Int32])
    /// `datetime` columns: seconds since 1970-01-01T00:00:00Z.
    case datetimes([Int64])
    /// `category` columns: one code per row into `levels` (levels in order of first appearance).
    case categories(codes: [Int32], levels: [String])
    /// `text` columns.
    case texts(TextStorage)

    /// Number of rows stored.
    public var count: Int {
        switch self {
        case .integers(let v): return v.count
        case .numbers(let v): return v.count
        case .booleans(let v): return v.count
        case .dates(let v): return v.count
        case .datetimes(let v): return v.count
        case .categories(let codes, _): return codes.count
        case .texts(let t): return t.count
        }
    }
}

/// One named, typed column; `validity[i]` is false where row i is missing (its stored value is then 0/"").
public struct Column: Sendable, Equatable {
    /// Header name, exactly as in the file (after BOM removal and trimming of surrounding spaces).
    public var name: String
    /// Logical type.
    public var type: ColumnType
    /// The values.
    public var storage: ColumnStorage
    /// Which rows hold a value.
    public var validity: ValidityBitmap

    /// Creates a column; `validity` defaults to all rows valid.
    public init(name: String, type: ColumnType, storage: ColumnStorage, validity: ValidityBitmap? = nil) {
        self.name = name
        self.type = type
        self.storage = storage
        self.validity = validity ?? ValidityBitmap(count: storage.count)
    }

    /// Number of rows.
    public var count: Int { storage.count }

    /// Row `index` as a Double for numeric, boolean (1/0), date (days) and datetime (seconds) columns;
    /// nil when missing or not numeric. Convenience for small data; hot loops switch on `storage`.
    public func double(at index: Int) -> Double? {
        guard validity[index] else { return nil }
        switch storage {
        case .integers(let v): return Double(v[index])
        case .numbers(let v): return v[index]
        case .booleans(let v): return v[index] ? 1 : 0
        case .dates(let v): return Double(v[index])
        case .datetimes(let v): return Double(v[index])
        case .categories, .texts: return nil
        }
    }

    /// Row `index` rendered as text (nil when missing), as `tally inspect` and tables show it.
    public func text(at index: Int) -> String? {
        guard validity[index] else { return nil }
        switch storage {
        case .integers(let v): return String(v[index])
        case .numbers(let v): return String(v[index])
        case .booleans(let v): return v[index] ? "TRUE" : "FALSE"
        case .dates(let v): return CivilDateText.iso(days: Int(v[index]))
        case .datetimes(let v): return CivilDateText.isoDateTime(seconds: v[index])
        case .categories(let codes, let levels): return levels[Int(codes[index])]
        case .texts(let t): return t[index]
        }
    }
}
