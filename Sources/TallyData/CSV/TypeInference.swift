/// Conservative type inference: a column gets a type only when every non-missing value reads as it.
///
/// Order: integer (no leading zeros, so codes like `08123` stay text), decimal, percent, boolean (word
/// tokens only; 1/0 stays integer), ISO date, ISO datetime, duration `H:MM:SS`; otherwise category when
/// values repeat (distinct ≤ half the values), else text. Day/month dates such as `03/04/2026` are never
/// guessed: inference reports them as ambiguous and asks for a format.
enum TypeInference {
    /// The verdict for one column.
    enum Verdict: Equatable {
        /// Read the column as this type.
        case type(ColumnType)
        /// Values look like `nn/nn/yyyy` dates; the index of the first such value and which readings fit.
        case ambiguousDates(firstIndex: Int, dayFirstPossible: Bool, monthFirstPossible: Bool)
    }

    /// Infers a type from exact (unescaped) field values; missing tokens are ignored, spaces trimmed.
    static func infer(_ rawValues: [[UInt8]], context: ParseContext) -> Verdict {
        let values: [[UInt8]?] = rawValues.map { raw in
            raw.withUnsafeBufferPointer { buffer -> [UInt8]? in
                guard let p = buffer.baseAddress else { return nil }
                let (s, e) = ParseContext.trimmed(p, 0, buffer.count)
                return context.isMissing(p, s, e) ? nil : Array(buffer[s..<e])
            }
        }
        var candidates: Set<ColumnType> = [.integer, .decimal, .percent, .boolean, .date, .datetime, .duration]
        var slashDates = true
        var dayFirst = true
        var monthFirst = true
        var firstIndex = -1
        var present = 0
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            present += 1
            if firstIndex < 0 { firstIndex = index }
            value.withUnsafeBufferPointer { buffer in
                guard let p = buffer.baseAddress else { return }
                let n = buffer.count
                if candidates.contains(.integer), !(NumberParser.integer(p, 0, n, thousands: context.thousands) != nil
                    && !hasLeadingZero(p, n) && p[0] != UInt8(ascii: "+")) {
                    candidates.remove(.integer)
                }
                if candidates.contains(.decimal), !(NumberParser.decimal(p, 0, n, decimal: context.decimal, thousands: context.thousands) != nil
                    && !hasLeadingZero(p, n) && p[0] != UInt8(ascii: "+")) {
                    candidates.remove(.decimal)
                }
                if candidates.contains(.percent),
                    NumberParser.percent(p, 0, n, decimal: context.decimal, thousands: context.thousands) == nil {
                    candidates.remove(.percent)
                }
                if candidates.contains(.boolean), context.booleans.value(p, 0, n) == nil || NumberParser.isDigit(p[0]) {
                    candidates.remove(.boolean)
                }
                if candidates.contains(.date), DateParser.isoDate(p, 0, n) == nil { candidates.remove(.date) }
                if candidates.contains(.datetime), DateParser.isoDateTime(p, 0, n) == nil { candidates.remove(.datetime) }
                if candidates.contains(.duration), DurationParser.clock(p, 0, n, decimal: context.decimal) == nil {
                    candidates.remove(.duration)
                }
                if slashDates {
                    if let (a, b) = DateParser.slashDateParts(p, 0, n) {
                        if a > 12 { monthFirst = false }
                        if b > 12 { dayFirst = false }
                    } else {
                        slashDates = false
                    }
                }
            }
            if candidates.isEmpty && !slashDates { break }
        }
        guard present > 0 else { return .type(.text) }
        for type in [ColumnType.integer, .decimal, .percent, .boolean, .date, .datetime, .duration] where candidates.contains(type) {
            return .type(type)
        }
        if slashDates {
            return .ambiguousDates(firstIndex: firstIndex, dayFirstPossible: dayFirst, monthFirstPossible: monthFirst)
        }
        var distinct = Set<[UInt8]>()
        var count = 0
        for case let value? in values {
            distinct.insert(value)
            count += 1
        }
        return .type(distinct.count * 2 <= count ? .category : .text)
    }

    /// `0` followed by another digit (after an optional sign): an identifier or code, not a number.
    static func hasLeadingZero(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        if n > 0, p[0] == UInt8(ascii: "-") { i = 1 }
        return i + 1 < n && p[i] == UInt8(ascii: "0") && NumberParser.isDigit(p[i + 1])
    }
}
