/// Matching configurable true/false tokens case-insensitively, straight from bytes.
struct BooleanTokens: Sendable {
    /// Lower-cased true tokens.
    let trueTokens: [[UInt8]]
    /// Lower-cased false tokens.
    let falseTokens: [[UInt8]]
    /// The longest token, to reject long fields quickly.
    let maxLength: Int

    /// Compiles the tokens.
    init(trueTokens: [String], falseTokens: [String]) {
        self.trueTokens = trueTokens.map { Array($0.lowercased().utf8) }
        self.falseTokens = falseTokens.map { Array($0.lowercased().utf8) }
        maxLength = (self.trueTokens + self.falseTokens).map(\.count).max() ?? 0
    }

    /// True, false, or nil when the field is neither.
    @inline(__always)
    func value(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        let n = end - start
        guard n <= maxLength else { return nil }
        if TokenMatch.matchesAny(trueTokens, p, start, n) { return true }
        if TokenMatch.matchesAny(falseTokens, p, start, n) { return false }
        return nil
    }
}

/// Case-insensitive ASCII comparison of a byte range with lower-cased tokens.
enum TokenMatch {
    /// Whether `p[start..<start+n]` equals one of the (lower-cased) tokens, ignoring ASCII case.
    @inline(__always)
    static func matchesAny(_ tokens: [[UInt8]], _ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Bool {
        outer: for token in tokens where token.count == n {
            for k in 0..<n {
                var b = p[start + k]
                if b >= 65, b <= 90 { b |= 0x20 }
                if b != token[k] { continue outer }
            }
            return true
        }
        return false
    }
}
