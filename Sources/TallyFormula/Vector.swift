import TallyData

/// Per-element status of a vector: a value, a blank, an error, or the FALSE of an omitted IF branch.
enum Status: Sendable {
    /// Every element holds a value.
    case allValid
    /// Elements whose bit is clear are blank (straight from a column).
    case validity(ValidityBitmap)
    /// One code per element: 0 value, 1 blank, 2–7 an error (`FormulaError.statusCode`), 8 omitted FALSE.
    case codes([UInt8])

    /// Status code of element `i`.
    @inline(__always) func code(_ i: Int) -> UInt8 {
        switch self {
        case .allValid: return 0
        case .validity(let bits): return bits[i] ? 0 : 1
        case .codes(let codes): return codes[i]
        }
    }

    /// One code per element (nil when every element is a value): for tight loops that must not touch the enum.
    func materialized(_ n: Int) -> [UInt8]? {
        switch self {
        case .allValid: return nil
        case .codes(let codes): return codes
        case .validity(let bits):
            var out = [UInt8](repeating: 0, count: n)
            let limit = min(n, bits.count)
            bits.words.withUnsafeBufferPointer { wp in
                out.withUnsafeMutableBufferPointer { op in
                    // Whole words of valid rows (the usual case) are skipped 64 rows at a time; other full words are
                    // expanded bit by bit without branches (columns with 30–80 % blanks made a loop per missing
                    // bit mispredict); the tail word, if partial, stops at `limit`.
                    let words = Swift.min(wp.count, (limit + 63) / 64)
                    for w in 0..<words {
                        let missing = ~wp[w]
                        if missing == 0 { continue }
                        let base = w * 64
                        let end = Swift.min(64, limit - base)
                        if end == 64, let raw = UnsafeMutableRawPointer(op.baseAddress) {
                            // Eight rows per store: a byte of the bitmap indexes its eight status bytes.
                            for k in 0..<8 {
                                let spread = Status.spreadBits[Int((missing >> UInt64(8 * k)) & 0xFF)]
                                raw.storeBytes(of: spread.littleEndian, toByteOffset: base + 8 * k, as: UInt64.self)
                            }
                        } else {
                            for b in 0..<end { op[base + b] = UInt8(truncatingIfNeeded: (missing >> UInt64(b)) & 1) }
                        }
                    }
                }
            }
            return out
        }
    }

    /// For each byte value m, eight bytes (as a little-endian word) whose byte j is bit j of m.
    static let spreadBits: [UInt64] = (0..<256).map { m in
        var word: UInt64 = 0
        for j in 0..<8 where (m >> j) & 1 == 1 { word |= 1 << UInt64(8 * j) }
        return word
    }

    /// True when some element is not a plain value.
    var mayHaveGaps: Bool {
        switch self {
        case .allValid: return false
        default: return true
        }
    }
}

/// Status code of a value (0 value, 1 blank, 2–7 error).
let statusValue: UInt8 = 0
/// Status code of a blank.
let statusBlank: UInt8 = 1
/// Status code of the FALSE an IF without an else branch yields (skipped by aggregates, like Excel's FALSE).
let statusOmittedFalse: UInt8 = 8
/// Status code of an empty text ("") inside a number vector (`IF(ISBLANK(x), "", x*2)`): skipped by aggregates,
/// counted by COUNTA and COUNTBLANK, #VALUE! in arithmetic.
let statusEmptyText: UInt8 = 9

/// The values of one expression for every row (or every group) at once: the unit compiled operations act on.
struct Vector: Sendable {
    /// Typed contiguous storage.
    enum Payload: Sendable {
        /// One value for every element.
        case scalar(FormulaValue)
        /// Numbers; `isDate` when they are serial dates.
        case numbers([Double], isDate: Bool)
        /// Logical values.
        case booleans([Bool])
        /// Text.
        case texts([String])
        /// Dictionary-encoded text (from category columns).
        case categories(codes: [Int32], levels: [String])
        /// Values of mixed types.
        case values([FormulaValue])
    }

    /// The storage.
    var payload: Payload
    /// Which elements are blank or errors (ignored for `.scalar` and `.values`).
    var status: Status
    /// Number of elements (a scalar reports the count it stands for).
    var count: Int

    /// A broadcast value.
    static func scalar(_ value: FormulaValue, count: Int) -> Vector {
        Vector(payload: .scalar(value), status: .allValid, count: count)
    }

    /// True for broadcast values.
    var isScalar: Bool {
        if case .scalar = payload { return true }
        return false
    }

    /// Element `i` as a value.
    func value(_ i: Int) -> FormulaValue {
        switch payload {
        case .scalar(let v): return v
        case .values(let values): return values[i]
        default: break
        }
        let code = status.code(i)
        if code != statusValue {
            if code == statusBlank { return .blank }
            if code == statusOmittedFalse { return .boolean(false) }
            if code == statusEmptyText { return .text("") }
            return .error(FormulaError(statusCode: code) ?? .value)
        }
        switch payload {
        case .numbers(let v, let isDate): return isDate ? .date(v[i]) : .number(v[i])
        case .booleans(let v): return .boolean(v[i])
        case .texts(let v): return .text(v[i])
        case .categories(let codes, let levels):
            let c = Int(codes[i])
            return c >= 0 && c < levels.count ? .text(levels[c]) : .blank
        case .scalar, .values: return .blank
        }
    }

    /// All elements as values (for results and slow paths).
    var values: [FormulaValue] { (0..<count).map { value($0) } }
}

/// Builds a vector element by element, choosing compact storage from the static type.
struct VectorBuilder {
    private let type: FormulaType
    private var numbers: [Double] = []
    private var booleans: [Bool] = []
    private var texts: [String] = []
    private var values: [FormulaValue] = []
    private var codes: [UInt8] = []
    private var hasGaps = false
    private var mixed = false
    private var allDates = true

    /// Prepares storage for `count` elements of `type`.
    init(type: FormulaType, count: Int) {
        self.type = type
        switch type {
        case .number, .date: numbers.reserveCapacity(count)
        case .boolean: booleans.reserveCapacity(count)
        case .text: texts.reserveCapacity(count)
        case .any: numbers.reserveCapacity(count)
        }
        codes.reserveCapacity(count)
    }

    /// Appends one value; values that do not fit the static type are kept via the status codes or as text.
    mutating func append(_ value: FormulaValue) {
        if type == .any {
            if mixed { values.append(value); return }
            // Stay numeric while values are numbers, blanks, errors and empty text; switch to mixed storage otherwise.
            switch value {
            case .number(let v): numbers.append(v); codes.append(statusValue); allDates = false
            case .date(let v): numbers.append(v); codes.append(statusValue)
            case .blank: numbers.append(0); codes.append(statusBlank); hasGaps = true
            case .error(let e): numbers.append(0); codes.append(e.statusCode); hasGaps = true
            case .text(let s) where s.isEmpty: numbers.append(0); codes.append(statusEmptyText); hasGaps = true
            default:
                mixed = true
                values = (0..<numbers.count).map { i in
                    Vector(payload: .numbers(numbers, isDate: false), status: .codes(codes), count: numbers.count).value(i)
                }
                values.append(value)
            }
            return
        }
        var code = statusValue
        switch value {
        case .blank: code = statusBlank
        case .error(let e): code = e.statusCode
        default: break
        }
        switch type {
        case .number, .date:
            switch value {
            case .number(let v), .date(let v): numbers.append(v)
            case .boolean(let b):
                numbers.append(b ? 1 : 0)
            case .text(let s):
                if let n = Coercion.number(fromText: s) { numbers.append(n) } else { numbers.append(0); code = FormulaError.value.statusCode }
            default: numbers.append(0)
            }
        case .boolean:
            switch value {
            case .boolean(let b): booleans.append(b)
            case .number(let v), .date(let v): booleans.append(v != 0)
            case .text: booleans.append(false); code = FormulaError.value.statusCode
            default: booleans.append(false)
            }
        case .text:
            switch value {
            case .blank, .error: texts.append("")
            default: texts.append(value.description)
            }
        case .any: break
        }
        if code != statusValue { hasGaps = true }
        codes.append(code)
    }

    /// Appends the FALSE of an omitted IF branch, kept as `statusOmittedFalse` (skipped by aggregates) in any
    /// storage that is not already mixed.
    mutating func appendOmittedFalse() {
        if type == .any && !mixed {
            // Stays numeric, as the numeric IF kernel leaves it (its value still reads as FALSE).
            numbers.append(0)
            codes.append(statusOmittedFalse)
            hasGaps = true
            return
        }
        append(.boolean(false))
        guard !mixed, let last = codes.indices.last else { return }
        codes[last] = statusOmittedFalse
        hasGaps = true
    }

    /// Appends an empty text "", kept as `statusEmptyText` (not #VALUE!) in number, date and logical storage.
    mutating func appendEmptyText() {
        append(.text(""))
        switch type {
        case .number, .date, .boolean:
            // `append` stored a #VALUE! code for text it could not convert; "" is passed through instead.
            if let last = codes.indices.last { codes[last] = statusEmptyText }
        case .text, .any: break  // "" is already text, or `statusEmptyText` / "" in mixed storage
        }
    }

    /// The finished vector.
    func build() -> Vector {
        let status: Status = hasGaps ? .codes(codes) : .allValid
        switch type {
        case .number: return Vector(payload: .numbers(numbers, isDate: false), status: status, count: numbers.count)
        case .date: return Vector(payload: .numbers(numbers, isDate: true), status: status, count: numbers.count)
        case .boolean: return Vector(payload: .booleans(booleans), status: status, count: booleans.count)
        case .text: return Vector(payload: .texts(texts), status: status, count: texts.count)
        case .any:
            if mixed { return Vector(payload: .values(values), status: .allValid, count: values.count) }
            return Vector(payload: .numbers(numbers, isDate: allDates && !numbers.isEmpty), status: status, count: numbers.count)
        }
    }
}

/// Excel's implicit conversions between value kinds.
enum Coercion {
    /// Text as a number the way Excel reads typed-in text in arithmetic ("3", " 4.5 ", "50%", "1e3").
    static func number(fromText text: String) -> Double? {
        var t = text.trimmingSpaces
        guard !t.isEmpty else { return nil }
        var percent = false
        if t.hasSuffix("%") { percent = true; t.removeLast() }
        t = t.replacingAll(",", with: "")
        guard let first = t.first, first.isNumber || first == "." || first == "-" || first == "+" else {
            return CivilDateParsing.serial(fromText: text)
        }
        if let v = Double(t), v.isFinite { return percent ? v / 100 : v }
        return CivilDateParsing.serial(fromText: text)
    }

    /// A value as a number for arithmetic: blank → 0, booleans → 1/0, numeric text → its number.
    static func arithmetic(_ value: FormulaValue) -> Result<Double, FormulaError> {
        switch value {
        case .number(let v), .date(let v): return .success(v)
        case .blank: return .success(0)
        case .boolean(let b): return .success(b ? 1 : 0)
        case .text(let s):
            if let v = number(fromText: s) { return .success(v) }
            return .failure(.value)
        case .error(let e): return .failure(e)
        }
    }

    /// A value as text for `&` and text functions: numbers in General format, booleans as TRUE/FALSE.
    static func text(_ value: FormulaValue) -> Result<String, FormulaError> {
        switch value {
        case .error(let e): return .failure(e)
        case .date(let v): return .success(GeneralFormat.format(v))
        default: return .success(value.description)
        }
    }

    /// A value as a logical for IF, AND, OR, NOT: numbers ≠ 0 are TRUE, "TRUE"/"FALSE" text converts.
    static func logical(_ value: FormulaValue) -> Result<Bool, FormulaError> {
        switch value {
        case .boolean(let b): return .success(b)
        case .number(let v), .date(let v): return .success(v != 0)
        case .blank: return .success(false)
        case .text(let s):
            switch s.uppercased() {
            case "TRUE": return .success(true)
            case "FALSE": return .success(false)
            default: return .failure(.value)
            }
        case .error(let e): return .failure(e)
        }
    }
}

/// ISO dates typed as text (`2026-01-31`, `2026-01-31 14:30`) read as serial numbers.
enum CivilDateParsing {
    /// The serial number of an ISO date or date-time text, or nil.
    static func serial(fromText text: String) -> Double? {
        let t = text.trimmingSpaces
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let first = parts.first, let date = TallyCoreDate.parse(first) else { return nil }
        var serial = ExcelDate.serial(date)
        if parts.count == 2 {
            let time = parts[1].split(separator: ":")
            guard time.count >= 2, time.count <= 3, let h = Int(time[0]), let m = Int(time[1]), h < 24, m < 60 else {
                return nil
            }
            let s = time.count == 3 ? (Double(time[2]) ?? -1) : 0
            guard s >= 0, s < 60 else { return nil }
            serial += (Double(h) * 3600 + Double(m) * 60 + s) / 86_400
        } else if parts.count > 2 {
            return nil
        }
        return serial
    }
}

import TallyCore

/// Thin wrapper so this file need not know CivilDate's parser name.
enum TallyCoreDate {
    /// Parses `YYYY-MM-DD`.
    static func parse(_ text: Substring) -> CivilDate? { CivilDate(iso: text) }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
