/// The per-read conventions every field parser needs, compiled once from `CSVReadOptions`.
struct ParseContext: Sendable {
    /// Decimal separator byte.
    let decimal: UInt8
    /// Thousands separator byte, if any.
    let thousands: UInt8?
    /// Missing-value tokens, packed (the empty token is handled by length).
    let missing: PackedTokens
    /// Longest missing token.
    let maxMissingLength: Int
    /// Boolean tokens.
    let booleans: BooleanTokens

    /// Compiles the options.
    init(_ options: CSVReadOptions) {
        decimal = options.decimalSeparator
        thousands = options.thousandsSeparator
        let tokens = options.missingTokens.filter { !$0.isEmpty }
        missing = PackedTokens(tokens)
        maxMissingLength = tokens.map(\.utf8.count).max() ?? 0
        booleans = BooleanTokens(trueTokens: options.trueTokens, falseTokens: options.falseTokens)
    }

    /// Whether the (trimmed) field is a missing-value token.
    @inline(__always)
    func isMissing(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        if n == 0 { return true }
        if n > maxMissingLength { return false }
        return isMissingToken(p, start, n)
    }

    /// The token comparison behind `isMissing` (kept out of line: most fields never get here).
    @inline(never)
    func isMissingToken(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Bool {
        if n <= 7, missing.contains(PackedTokens.pack(p, start, n)) { return true }
        return !missing.others.isEmpty && TokenMatch.matchesAny(missing.others, p, start, n)
    }

    /// The field without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start
        var e = end
        while s < e, p[s] == 32 || p[s] == 9 { s += 1 }
        while e > s, p[e - 1] == 32 || p[e - 1] == 9 { e -= 1 }
        return (s, e)
    }
}

/// One column's reading instructions: its type, whether it was declared, and its date format and zone.
struct ColumnPlan: Sendable {
    /// Header name.
    var name: String
    /// Type to produce (for inferred columns, the sample's verdict; `category` may still become `text`).
    var type: ColumnType
    /// Declared in the schema (type errors are errors) or inferred (a misfit triggers re-inference).
    var declared: Bool
    /// Declared date/datetime format.
    var format: DateFormat?
    /// Zone for datetimes without an offset.
    var zone: TimeZoneRule?
    /// Average value length in the sample (bytes), to reserve text storage once instead of regrowing.
    var averageBytes = 0
    /// Not read: the field is tokenised (the record's structure is still checked) but never typed or kept.
    var skip = false
}
