/// Dictionary encoding of byte strings: an open-addressing hash table from bytes to codes (first-seen order).
struct CategoryDictionary {
    /// The distinct values, back to back.
    private(set) var bytes: [UInt8] = []
    /// `offsets[k]..<offsets[k+1]` is level k.
    private(set) var offsets: [Int] = [0]
    /// Hash of each level (kept for rehashing).
    private var hashes: [UInt64] = []
    /// Slots holding level codes, -1 when empty; the size is a power of two kept above twice the level count.
    private var slots = [Int32](repeating: -1, count: 64)

    /// Number of levels.
    var count: Int { hashes.count }

    /// FNV-1a over a byte range.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        // Eight bytes per step (multiply-xorshift), then the tail byte by byte; mixed at the end.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(end - start)
        var i = start
        while i + 8 <= end {
            h = (h ^ UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        while i < end {
            h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3
            i += 1
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The code of the value `p[start..<end]`, adding it as a new level when unseen.
    @inline(__always)
    mutating func code(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let h = CategoryDictionary.hash(p, start, end)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        let n = end - start
        while true {
            let code = slots[s]
            if code < 0 { break }
            let k = Int(code)
            if hashes[k] == h, offsets[k + 1] - offsets[k] == n {
                let equal = bytes.withUnsafeBufferPointer { buffer -> Bool in
                    guard let levelBase = buffer.baseAddress else { return n == 0 }
                    return n == 0 || memcmpBytes(levelBase + offsets[k], p + start, n)
                }
                if equal { return code }
            }
            s = (s + 1) & mask
        }
        let code = Int32(hashes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p + start, count: n))
        offsets.append(bytes.count)
        hashes.append(h)
        slots[s] = code
        if hashes.count * 2 > slots.count { rehash() }
        return code
    }

    /// Doubles the table.
    private mutating func rehash() {
        var newSlots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = newSlots.count - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while newSlots[s] >= 0 { s = (s + 1) & mask }
            newSlots[s] = Int32(k)
        }
        slots = newSlots
    }

    /// Forgets levels from `count` on (a replayed batch adds them again in the same order).
    mutating func truncate(to count: Int) {
        guard count < hashes.count else { return }
        bytes.removeLast(bytes.count - offsets[count])
        offsets.removeLast(offsets.count - count - 1)
        hashes.removeLast(hashes.count - count)
        var newSlots = [Int32](repeating: -1, count: slots.count)
        let mask = newSlots.count - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while newSlots[s] >= 0 { s = (s + 1) & mask }
            newSlots[s] = Int32(k)
        }
        slots = newSlots
    }

    /// Level `k` as a String.
    func level(_ k: Int) -> String { String(decoding: bytes[offsets[k]..<offsets[k + 1]], as: UTF8.self) }

    /// All levels as Strings, in code order.
    var levels: [String] { (0..<count).map(level) }
}

/// Whether two byte ranges of length `n` are equal.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
