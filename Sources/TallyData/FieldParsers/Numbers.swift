/// Parsing integers, decimals and percentages straight from UTF-8 bytes (no String per field).
///
/// Decimals take Clinger's fast path (an exact mantissa times an exact power of ten) and fall back to the
/// standard library's correctly rounded conversion otherwise, so every result is the nearest Double.
enum NumberParser {
    /// Exact powers of ten representable in a Double.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    /// Whether the byte is an ASCII digit.
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// An integer: optional sign, digits, optional thousands separators in groups of three; nil otherwise.
    @inline(__always)
    static func integer(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, thousands: UInt8?) -> Int64? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < end else { return nil }
        var value: UInt64 = 0
        var digitsInGroup = 0
        var sawSeparator = false
        var digits = 0
        while i < end {
            let b = p[i]
            if isDigit(b) {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(b - 48))
                if o1 || o2 { return nil }
                value = s
                digitsInGroup += 1
                digits += 1
            } else if let t = thousands, b == t {
                guard digitsInGroup >= 1, (sawSeparator ? digitsInGroup == 3 : digitsInGroup <= 3) else { return nil }
                sawSeparator = true
                digitsInGroup = 0
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, !sawSeparator || digitsInGroup == 3 else { return nil }
        if negative {
            guard value <= UInt64(Int64.max) + 1 else { return nil }
            return value == UInt64(Int64.max) + 1 ? Int64.min : -Int64(value)
        }
        guard value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }

    /// A decimal: optional sign, digits with optional thousands groups, an optional fraction after the
    /// decimal separator, an optional exponent (`e`/`E`); `extraExponent` scales it (−2 for percentages).
    @inline(__always)
    static func decimal(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8, thousands: UInt8?, extraExponent: Int = 0
    ) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = extraExponent
        var digits = 0
        var digitsInGroup = 0
        var sawSeparator = false
        // Integer part.
        while i < end {
            let b = p[i]
            if isDigit(b) {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(b - 48)
                    if mantissa != 0 { significant += 1 }
                } else {
                    exponent += 1
                }
                digits += 1
                digitsInGroup += 1
            } else if let t = thousands, b == t {
                guard digitsInGroup >= 1, (sawSeparator ? digitsInGroup == 3 : digitsInGroup <= 3) else { return nil }
                sawSeparator = true
                digitsInGroup = 0
            } else {
                break
            }
            i += 1
        }
        if sawSeparator, digitsInGroup != 3 { return nil }
        // Fraction.
        if i < end, p[i] == decimal {
            i += 1
            while i < end, isDigit(p[i]) {
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] - 48)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        // Exponent.
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < end, isDigit(p[i]) {
                e = min(e * 10 + Int(p[i] - 48), 100_000)
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return slowDecimal(p, start, end, decimal: decimal, thousands: thousands, extraExponent: extraExponent)
    }

    /// The correctly rounded fallback: normalise to `[-]digits[.digits][e±n]` and let the standard library convert.
    static func slowDecimal(
        _ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8, thousands: UInt8?, extraExponent: Int
    ) -> Double? {
        var text: [UInt8] = []
        var hasExponent = false
        for i in start..<end {
            let b = p[i]
            if let t = thousands, b == t, b != decimal { continue }
            if b == decimal { text.append(UInt8(ascii: ".")); continue }
            if b | 0x20 == UInt8(ascii: "e") { hasExponent = true }
            text.append(b)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else { return nil }
        if extraExponent == 0 { return value }
        // Re-apply the percentage scale through an exponent so rounding happens once.
        let scaled = String(decoding: text, as: UTF8.self) + (hasExponent ? "" : "e0")
        guard let eIndex = scaled.lastIndex(where: { $0 == "e" || $0 == "E" }),
            let e = Int(scaled[scaled.index(after: eIndex)...])
        else { return value / 100 }
        return Double(String(scaled[..<eIndex]) + "e\(e + extraExponent)")
    }

    /// A percentage `85%`, `85 %` or `-2.5%` as a fraction (0.85); nil without the `%` sign.
    @inline(__always)
    static func percent(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimal: UInt8, thousands: UInt8?) -> Double? {
        guard end > start, p[end - 1] == UInt8(ascii: "%") else { return nil }
        var e = end - 1
        while e > start, p[e - 1] == 32 { e -= 1 }
        return NumberParser.decimal(p, start, e, decimal: decimal, thousands: thousands, extraExponent: -2)
    }
}
