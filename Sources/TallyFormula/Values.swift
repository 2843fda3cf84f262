import TallyCore
import TallyData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A spreadsheet error value, spelled as Excel and LibreOffice Calc show it.
public enum FormulaError: String, Sendable, Codable, Hashable, CaseIterable, Error {
    /// Division by zero, or an aggregate over no values (AVERAGE of nothing).
    case divisionByZero = "#DIV/0!"
    /// An argument of the wrong kind (text where a number is needed).
    case value = "#VALUE!"
    /// A value is not available (no match, no mode).
    case notAvailable = "#N/A"
    /// A number outside a function's domain (SQRT(-1), PERCENTILE(…, 2)).
    case num = "#NUM!"
    /// An unknown name (only produced when a formula is evaluated without its parameter or KPI).
    case name = "#NAME?"
    /// A reference that no longer exists.
    case ref = "#REF!"

    /// Per-element status code used by vectors: errors start at 2 (0 = value, 1 = blank).
    var statusCode: UInt8 {
        switch self {
        case .divisionByZero: return 2
        case .value: return 3
        case .notAvailable: return 4
        case .num: return 5
        case .name: return 6
        case .ref: return 7
        }
    }

    /// The error for a vector status code ≥ 2.
    init?(statusCode: UInt8) {
        switch statusCode {
        case 2: self = .divisionByZero
        case 3: self = .value
        case 4: self = .notAvailable
        case 5: self = .num
        case 6: self = .name
        case 7: self = .ref
        default: return nil
        }
    }
}

/// One value a formula produces: a number, text, logical, date, blank or error.
public enum FormulaValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A number (durations as fractions of a day, percentages as fractions).
    case number(Double)
    /// Text.
    case text(String)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// A date or instant as an Excel serial number (days since 1899-12-30, time as the fraction).
    case date(Double)
    /// No value (an empty cell).
    case blank
    /// An error value that propagates through calculations.
    case error(FormulaError)

    /// The value as a number when it is one (dates count, booleans do not), else nil.
    public var number: Double? {
        switch self {
        case .number(let v), .date(let v): return v
        default: return nil
        }
    }

    /// The value with numbers marked as dates when the static type says so.
    func typed(_ type: FormulaType) -> FormulaValue {
        if type == .date, case .number(let x) = self { return .date(x) }
        return self
    }

    /// The error carried, if any.
    public var error: FormulaError? {
        if case .error(let e) = self { return e }
        return nil
    }

    /// How a spreadsheet would show the value with the General format (dates as ISO `YYYY-MM-DD`).
    public var description: String {
        switch self {
        case .number(let v): return GeneralFormat.format(v)
        case .text(let s): return s
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .date(let serial): return ExcelDate.isoText(serial: serial)
        case .blank: return ""
        case .error(let e): return e.rawValue
        }
    }
}

/// The static type of an expression, known when the formula compiles.
public enum FormulaType: String, Sendable, Codable, Hashable {
    /// Numbers (integer, decimal, percent and duration columns; arithmetic results).
    case number
    /// Text and category columns.
    case text
    /// TRUE/FALSE.
    case boolean
    /// Dates and instants (Excel serial numbers that display as dates).
    case date
    /// Any of the above, decided per value (IF branches of different types, errors).
    case any

    /// The formula type a column of this type has.
    public init(_ columnType: ColumnTypeName) {
        switch columnType {
        case .integer, .decimal, .percent, .duration: self = .number
        case .boolean: self = .boolean
        case .date, .datetime: self = .date
        case .category, .text: self = .text
        }
    }

    /// True when values of this type can take part in arithmetic without a runtime check.
    var isNumeric: Bool { self == .number || self == .date }

    /// Words for messages: "a number", "text", …
    var described: String {
        switch self {
        case .number: return "a number"
        case .text: return "text"
        case .boolean: return "a TRUE/FALSE value"
        case .date: return "a date"
        case .any: return "a value"
        }
    }
}

/// Column types as TallyData names them (re-exported so callers need not import TallyData for schemas).
public typealias ColumnTypeName = TallyData.ColumnType

/// Conversions between Tally's stored dates/instants and Excel serial numbers.
public enum ExcelDate {
    /// Serial number of 1970-01-01 (days since 1899-12-30).
    public static let epochSerial: Double = 25_569

    /// Serial number of 10000-01-01: one past 9999-12-31, the last date Excel's date functions accept.
    public static let endSerial: Double = 2_958_466

    /// Serial number of a date stored as days since 1970-01-01.
    @inline(__always) public static func serial(days: Int32) -> Double { Double(days) + epochSerial }

    /// Serial number of an instant stored as seconds since 1970-01-01T00:00:00Z.
    @inline(__always) public static func serial(seconds: Int64) -> Double { Double(seconds) / 86_400 + epochSerial }

    /// Serial number of a civil date.
    public static func serial(_ date: CivilDate) -> Double { Double(date.daysSinceEpoch) + epochSerial }

    /// The civil date of a serial number (its integer part); serials beyond ±2⁵³ days saturate rather than trap.
    public static func civil(serial: Double) -> CivilDate {
        CivilDate(daysSinceEpoch: Int(clampingRounded: serial - epochSerial))
    }

    /// `YYYY-MM-DD`, plus `THH:MM:SS` when the serial has a time part.
    public static func isoText(serial: Double) -> String {
        guard serial.isFinite, abs(serial) < 3e6 else { return GeneralFormat.format(serial) }
        let day = serial.rounded(.down)
        let seconds = Int(((serial - day) * 86_400).rounded())
        let date = civil(serial: day)
        if seconds == 0 { return date.description }
        if seconds >= 86_400 { return civil(serial: day + 1).description }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}

/// Excel's General number format: up to 10 significant digits before scientific notation kicks in.
enum GeneralFormat {
    /// Formats a number the way a cell with the General format shows it (no thousands separators).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "#NUM!" : "#NUM!" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e11 || magnitude < 1e-9 {
            return scientific(value)
        }
        // Round to 10 significant digits, then print without trailing zeros.
        let digitsBefore = Int((log10(magnitude)).rounded(.down)) + 1
        let decimals = max(0, min(15, 10 - digitsBefore))
        let rounded = NumberText.roundHalfAwayFromZero(value, decimals: decimals)
        return NumberText.fixed(rounded, decimals: decimals, trimZeros: true)
    }

    /// `1.23457E+11` style.
    static func scientific(_ value: Double) -> String {
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow10(exponent)
        mantissa = NumberText.roundHalfAwayFromZero(mantissa, decimals: 5)
        if abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        let text = NumberText.fixed(mantissa, decimals: 5, trimZeros: true)
        let sign = exponent < 0 ? "-" : "+"
        let e = abs(exponent)
        return "\(text)E\(sign)\(e < 10 ? "0" : "")\(e)"
    }
}

/// Number → text helpers that do not depend on Foundation.
enum NumberText {
    /// Rounds half away from zero at `decimals` places (negative places round to tens, hundreds, …),
    /// correcting the binary representation first as spreadsheets do (2.675 → 2.68).
    static func roundHalfAwayFromZero(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let factor = pow10(decimals)
        let scaled = value * factor
        guard scaled.isFinite, abs(scaled) < 1e15 else { return value }
        // Snap to 15 significant digits so 2.675*100 = 267.49999999999997 becomes 267.5.
        let snapped = snap15(scaled)
        let r = (abs(snapped) + 0.5).rounded(.down)
        return (value < 0 ? -r : r) / factor
    }

    /// Rounds towards zero (ROUNDDOWN) or away from zero (ROUNDUP) at `decimals` places.
    static func roundDirected(_ value: Double, decimals: Int, awayFromZero: Bool) -> Double {
        guard value.isFinite else { return value }
        let factor = pow10(decimals)
        let scaled = snap15(value * factor)
        guard scaled.isFinite, abs(scaled) < 1e15 else { return value }
        let magnitude = abs(scaled)
        let r = awayFromZero ? magnitude.rounded(.up) : magnitude.rounded(.down)
        return (value < 0 ? -r : r) / factor
    }

    /// The value rounded to 15 significant digits (Excel's display precision).
    static func snap15(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let factor = pow10(14 - exponent)
        let scaled = value * factor
        guard scaled.isFinite, factor.isFinite, factor != 0 else { return value }
        return scaled.rounded(.toNearestOrAwayFromZero) / factor
    }

    /// Fixed-point text with `decimals` places (value already rounded), optionally trimming zeros.
    /// Past 15 places a Double has no more digits to show, so those places are zeros (as in Excel); whole parts
    /// beyond Int64 show 15 significant digits and zeros; a non-finite value (never a formula result) is `#NUM!`.
    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = false) -> String {
        guard value.isFinite else { return FormulaError.num.rawValue }
        let negative = value < 0
        let magnitude = abs(value)
        let places = min(max(decimals, 0), 15)
        let factor = pow10(places)
        let scaled = (magnitude * factor).rounded(.toNearestOrAwayFromZero)
        var integerPart: String
        var fraction = ""
        if scaled < 9e15 {
            let whole = UInt64(scaled)
            let f = UInt64(factor)
            integerPart = String(whole / f)
            if places > 0 {
                let frac = String(whole % f)
                fraction = String(repeating: "0", count: places - frac.count) + frac
            }
        } else {
            let rounded = magnitude.rounded(.toNearestOrAwayFromZero)
            integerPart = rounded < 9.2e18 ? String(Int64(rounded)) : largeWholeDigits(rounded)
            fraction = String(repeating: "0", count: places)
        }
        if decimals > places { fraction += String(repeating: "0", count: decimals - places) }
        if trimZeros {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let text = fraction.isEmpty ? integerPart : integerPart + "." + fraction
        return (negative && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + text
    }

    /// Digits of a finite whole number too large for Int64: 15 significant digits, then zeros.
    static func largeWholeDigits(_ magnitude: Double) -> String {
        let exponent = Int(log10(magnitude).rounded(.down))
        var digits = UInt64((magnitude / pow10(exponent - 14)).rounded(.toNearestOrAwayFromZero))
        var zeros = exponent - 14
        if digits >= 1_000_000_000_000_000 {
            digits /= 10
            zeros += 1
        }
        return String(digits) + String(repeating: "0", count: max(0, zeros))
    }
}

/// 10 to an integer power, exact for the range spreadsheets use.
@inline(__always) func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    let table: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                           1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
    if exponent >= 0 {
        if exponent < table.count { return table[exponent] }
        for _ in 0..<exponent { result *= 10 }
        return result
    }
    let n = -exponent
    if n < table.count { return 1 / table[n] }
    for _ in 0..<n { result /= 10 }
    return result
}
