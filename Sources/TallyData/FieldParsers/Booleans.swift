/// Matching configurable true/false tokens case-insensitively, straight from bytes.
struct BooleanTokens: Sendable {
    /// True tokens, packed.
    let trueTokens: PackedTokens
    /// False tokens, packed.
    let falseTokens: PackedTokens

    /// Compiles the tokens.
    init(trueTokens: [String], falseTokens: [String]) {
        self.trueTokens = PackedTokens(trueTokens)
        self.falseTokens = PackedTokens(falseTokens)
    }

    /// True, false, or nil when the field is neither.
    @inline(__always)
    func value(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool? {
        let n = end - start
        guard n <= 7 else { return TokenMatch.long(trueTokens, falseTokens, p, start, n) }
        let key = PackedTokens.pack(p, start, n)
        if trueTokens.contains(key) { return true }
        if falseTokens.contains(key) { return false }
        if trueTokens.others.isEmpty, falseTokens.others.isEmpty { return nil }
        return TokenMatch.long(trueTokens, falseTokens, p, start, n)
    }
}

/// Up to eight short tokens (≤ 8 bytes) packed into integers for allocation- and refcount-free matching,
/// plus any longer tokens kept as bytes.
struct PackedTokens: Sendable {
    /// Packed short tokens (length in the top byte, lower-cased bytes below); 0 marks an unused slot.
    let k0, k1, k2, k3, k4, k5, k6, k7: UInt64
    /// Short tokens beyond eight, and tokens longer than 8 bytes (lower-cased).
    let others: [[UInt8]]

    /// Packs tokens (case-insensitive).
    init(_ tokens: [String]) {
        var short: [UInt64] = []
        var others: [[UInt8]] = []
        for token in tokens {
            let bytes = Array(token.lowercased().utf8)
            if bytes.count <= 7, short.count < 8 {
                short.append(bytes.withUnsafeBufferPointer { b in b.baseAddress.map { PackedTokens.pack($0, 0, b.count) } ?? (1 << 63) })
            } else {
                others.append(bytes)
            }
        }
        while short.count < 8 { short.append(0) }
        (k0, k1, k2, k3, k4, k5, k6, k7) = (short[0], short[1], short[2], short[3], short[4], short[5], short[6], short[7])
        self.others = others
    }

    /// Lower-cased bytes of a field of at most 7 bytes, with its length in the top byte (empty → 1 << 63).
    @inline(__always)
    static func pack(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> UInt64 {
        guard n <= 7 else { return UInt64.max }
        var v: UInt64 = UInt64(n | 0x80) << 56
        for k in 0..<n {
            var b = p[start + k]
            if b &- 65 < 26 { b |= 0x20 }
            v |= UInt64(b) << (8 * UInt64(k))
        }
        return v
    }

    /// Whether a packed field equals one of the tokens (fields longer than 7 bytes use `others`).
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        key == k0 || key == k1 || key == k2 || key == k3 || key == k4 || key == k5 || key == k6 || key == k7
    }
}

/// Case-insensitive ASCII comparison of a byte range with lower-cased tokens.
enum TokenMatch {
    /// Boolean matching for fields longer than 7 bytes (rare: only configured long tokens can match).
    static func long(_ t: PackedTokens, _ f: PackedTokens, _ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Bool? {
        if matchesAny(t.others, p, start, n) { return true }
        if matchesAny(f.others, p, start, n) { return false }
        return nil
    }

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
