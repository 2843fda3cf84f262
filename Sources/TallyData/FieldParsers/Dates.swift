import TallyCore

/// Parsing ISO 8601 dates and datetimes, and declared formats like `dd/MM/yyyy HH:mm`, straight from bytes.
enum DateParser {
    /// `n` ASCII digits at `i` as a number, or nil.
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int? {
        var v = 0
        for k in 0..<n {
            let d = p[i + k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Days since 1970-01-01 for a valid year/month/day, else nil.
    @inline(__always)
    static func days(year: Int, month: Int, day: Int) -> Int? {
        guard month >= 1, month <= 12, day >= 1, day <= 28 || day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        // Howard Hinnant's days_from_civil, inlined here (CivilDate's lives in another module and is not
        // inlinable; the call showed up at 2% of a 1M-row read).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD` as days since 1970-01-01.
    @inline(__always)
    static func isoDate(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start == 10, p[start + 4] == UInt8(ascii: "-"), p[start + 7] == UInt8(ascii: "-"),
            let y = digits(p, start, 4), let m = digits(p, start + 5, 2), let d = digits(p, start + 8, 2)
        else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// A parsed datetime: local wall-clock seconds since the epoch, and the UTC offset if the text had one.
    struct LocalDateTime {
        /// Seconds since 1970-01-01T00:00:00 of the wall-clock reading.
        var localSeconds: Int64
        /// Offset from UTC in seconds (`Z` is 0), nil when the text had none.
        var offset: Int?
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]]`; fractional seconds are truncated.
    @inline(__always)
    static func isoDateTime(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> LocalDateTime? {
        guard end - start >= 16, let day = isoDate(p, start, start + 10) else { return nil }
        let t = p[start + 10]
        guard t == UInt8(ascii: "T") || t == UInt8(ascii: " ") || t == UInt8(ascii: "t") else { return nil }
        var i = start + 11
        guard p[i + 2] == UInt8(ascii: ":"), let hh = digits(p, i, 2), let mm = digits(p, i + 3, 2), hh < 24, mm < 60
        else { return nil }
        i += 5
        var ss = 0
        if i < end, p[i] == UInt8(ascii: ":") {
            guard i + 3 <= end, let s = digits(p, i + 1, 2), s < 61 else { return nil }
            ss = min(s, 59)
            i += 3
            if i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                let first = i
                while i < end, NumberParser.isDigit(p[i]) { i += 1 }
                guard i > first else { return nil }
            }
        }
        let local = Int64(day) * 86_400 + Int64(hh * 3600 + mm * 60 + ss)
        guard let offset = zoneSuffix(p, i, end) else { return nil }
        return LocalDateTime(localSeconds: local, offset: offset.value)
    }

    /// A zone suffix: nothing, `Z`, `±HH`, `±HHMM` or `±HH:MM`; `.value` is nil for nothing.
    @inline(__always)
    static func zoneSuffix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (value: Int?, Void)? {
        var i = start
        while i < end, p[i] == 32 { i += 1 }
        if i == end { return start == end ? (nil, ()) : nil }
        if p[i] | 0x20 == UInt8(ascii: "z"), i + 1 == end { return (0, ()) }
        guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return nil }
        let sign = p[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        let rest = end - i
        var h = 0
        var m = 0
        switch rest {
        case 2:
            guard let v = digits(p, i, 2) else { return nil }
            h = v
        case 4:
            guard let a = digits(p, i, 2), let b = digits(p, i + 2, 2) else { return nil }
            h = a; m = b
        case 5:
            guard p[i + 2] == UInt8(ascii: ":"), let a = digits(p, i, 2), let b = digits(p, i + 3, 2) else { return nil }
            h = a; m = b
        default: return nil
        }
        guard h <= 18, m < 60 else { return nil }
        return (sign * (h * 3600 + m * 60), ())
    }

    /// Shapes `nn/nn/nnnn`, `nn.nn.nnnn` or `nn-nn-nnnn` (optionally with a time): could be day- or month-first.
    /// Returns the two leading numbers so inference can say which reading the data allow.
    static func slashDateParts(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int)? {
        var i = start
        func number() -> Int? {
            let s = i
            while i < end, i - s < 4, NumberParser.isDigit(p[i]) { i += 1 }
            return i > s ? digits(p, s, i - s) : nil
        }
        guard let a = number(), i < end else { return nil }
        let sep = p[i]
        guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-"), i - start <= 2 else {
            return nil
        }
        i += 1
        let second = i
        guard let b = number(), i - second <= 2, i < end, p[i] == sep else { return nil }
        i += 1
        let third = i
        guard number() != nil, i - third == 4 || i - third == 2 else { return nil }
        guard i == end || p[i] == 32 || p[i] == UInt8(ascii: "T") else { return nil }
        guard (1...31).contains(a), (1...31).contains(b), a <= 12 || b <= 12 else { return nil }
        return (a, b)
    }
}

/// A compiled date/datetime format such as `dd/MM/yyyy` or `d.M.yy HH:mm:ss` (tokens: yyyy yy MM M dd d HH H mm ss).
struct DateFormat: Sendable, Equatable {
    /// One piece of a format.
    enum Piece: Sendable, Equatable {
        case year4, year2, month(minDigits: Int), day(minDigits: Int), hour(minDigits: Int), minute, second
        case literal(UInt8)
    }

    /// The pieces in order.
    var pieces: [Piece]
    /// The format as written.
    var text: String
    /// Whether the format has a time part.
    var hasTime: Bool { pieces.contains { if case .hour = $0 { return true } else { return false } } }

    /// Compiles a format; nil when it holds an unknown letter or no day/month/year.
    init?(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var run = 1
            while i + run < bytes.count, bytes[i + run] == b { run += 1 }
            switch (b, run) {
            case (UInt8(ascii: "y"), 4): pieces.append(.year4)
            case (UInt8(ascii: "y"), 2): pieces.append(.year2)
            case (UInt8(ascii: "M"), 1...2): pieces.append(.month(minDigits: run))
            case (UInt8(ascii: "d"), 1...2): pieces.append(.day(minDigits: run))
            case (UInt8(ascii: "H"), 1...2): pieces.append(.hour(minDigits: run))
            case (UInt8(ascii: "m"), 2): pieces.append(.minute)
            case (UInt8(ascii: "s"), 2): pieces.append(.second)
            default:
                if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { return nil }
                for _ in 0..<run { pieces.append(.literal(b)) }
            }
            i += run
        }
        let hasYear = pieces.contains { $0 == .year4 || $0 == .year2 }
        let hasMonth = pieces.contains { if case .month = $0 { return true } else { return false } }
        let hasDay = pieces.contains { if case .day = $0 { return true } else { return false } }
        guard hasYear, hasMonth, hasDay else { return nil }
        self.pieces = pieces
    }

    /// Parses bytes: days since the epoch and seconds into the day; an optional zone suffix may follow a time.
    func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> DateParser.LocalDateTime? {
        var i = start
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        func number(min: Int, max: Int) -> Int? {
            let s = i
            while i < end, i - s < max, NumberParser.isDigit(p[i]) { i += 1 }
            guard i - s >= min else { return nil }
            return DateParser.digits(p, s, i - s)
        }
        for piece in pieces {
            switch piece {
            case .year4: guard let v = number(min: 4, max: 4) else { return nil }; year = v
            case .year2: guard let v = number(min: 2, max: 2) else { return nil }; year = 2000 + v
            case .month(let n): guard let v = number(min: n, max: 2) else { return nil }; month = v
            case .day(let n): guard let v = number(min: n, max: 2) else { return nil }; day = v
            case .hour(let n): guard let v = number(min: n, max: 2), v < 24 else { return nil }; hour = v
            case .minute: guard let v = number(min: 2, max: 2), v < 60 else { return nil }; minute = v
            case .second: guard let v = number(min: 2, max: 2), v < 61 else { return nil }; second = min(v, 59)
            case .literal(let b): guard i < end, p[i] == b else { return nil }; i += 1
            }
        }
        guard let d = DateParser.days(year: year, month: month, day: day) else { return nil }
        guard let zone = DateParser.zoneSuffix(p, i, end) else { return nil }
        return DateParser.LocalDateTime(
            localSeconds: Int64(d) * 86_400 + Int64(hour * 3600 + minute * 60 + second), offset: zone.value)
    }
}

/// Parsing durations: `H:MM:SS`, `MM:SS` only when declared, ISO 8601 `PT1H2M3S`, or plain seconds.
enum DurationParser {
    /// Seconds for `H:MM:SS[.fff]`, `PT…`, or a plain number of seconds; nil otherwise.
    static func seconds(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8, allowPlain: Bool) -> Double? {
        guard end > start else { return nil }
        if p[start] == UInt8(ascii: "P") { return iso(p, start, end, decimal: decimal) }
        if let clock = clock(p, start, end, decimal: decimal) { return clock }
        return allowPlain ? NumberParser.decimal(p, start, end, decimal: decimal, thousands: nil) : nil
    }

    /// `[-]H:MM:SS[.fff]` (hours may exceed 24).
    static func clock(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8) -> Double? {
        var i = start
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        let hs = i
        while i < end, NumberParser.isDigit(p[i]) { i += 1 }
        guard i > hs, i - hs <= 6, let h = DateParser.digits(p, hs, i - hs) else { return nil }
        guard i + 6 <= end, p[i] == UInt8(ascii: ":"), p[i + 3] == UInt8(ascii: ":"),
            let m = DateParser.digits(p, i + 1, 2), let s = DateParser.digits(p, i + 4, 2), m < 60, s < 60
        else { return nil }
        i += 6
        var fraction = 0.0
        if i < end {
            guard p[i] == decimal || p[i] == UInt8(ascii: "."), i + 1 < end,
                let f = NumberParser.decimal(p, i + 1, end, decimal: decimal, thousands: nil),
                (i + 1..<end).allSatisfy({ NumberParser.isDigit(p[$0]) })
            else { return nil }
            fraction = f / NumberParser.powersOfTen[min(22, end - i - 1)]
        }
        let value = Double(h * 3600 + m * 60 + s) + fraction
        return negative ? -value : value
    }

    /// ISO 8601 `PnDTnHnMnS` (days, hours, minutes, seconds; decimals on the last part).
    static func iso(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8) -> Double? {
        var i = start + 1
        var total = 0.0
        var inTime = false
        var parts = 0
        while i < end {
            if p[i] == UInt8(ascii: "T") { inTime = true; i += 1; continue }
            let s = i
            while i < end, NumberParser.isDigit(p[i]) || p[i] == decimal || p[i] == UInt8(ascii: ".") { i += 1 }
            guard i > s, i < end, let v = NumberParser.decimal(p, s, i, decimal: (s..<i).contains { p[$0] == decimal } ? decimal : UInt8(ascii: "."), thousands: nil) else {
                return nil
            }
            switch (p[i], inTime) {
            case (UInt8(ascii: "D"), false): total += v * 86_400
            case (UInt8(ascii: "H"), true): total += v * 3600
            case (UInt8(ascii: "M"), true): total += v * 60
            case (UInt8(ascii: "S"), true): total += v
            default: return nil
            }
            parts += 1
            i += 1
        }
        return parts > 0 ? total : nil
    }
}
