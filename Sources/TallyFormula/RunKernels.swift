/// Grouped reduction kernels that keep each group's accumulators in registers while consecutive rows share a group.
///
/// Why: real tables arrive sorted by time, so group ids (phase × week, …) come in long runs. The plain loop
/// `sum[g] += x` then makes every row wait for the previous row's store to the same address (store-to-load
/// forwarding, ~5 cycles, plus the add), which is what bounded the formula benchmark. Here a group's accumulators
/// are loaded when the group changes, updated in registers, and stored back when it changes again. The arithmetic
/// is the same sequence of operations in row order, so every result is bit-identical to the simple loop; with
/// unsorted ids it stays correct (just a little slower per row).
///
/// Rows that do not count (blanks, errors, masked out) are folded in without a data-dependent branch where that
/// keeps results exact: counts add 0, sums add −0.0 (x + −0.0 == x for every x, ±0 included), min/max see ±∞ —
/// or, in `summariseRuns`, are left out of the additions altogether, which the same identities make exact.
extension Aggregation {
    /// `isError` as one unsigned comparison (2...7), so the compiler does not branch on `code == 0` first.
    @inline(__always) static func errorCode(_ code: UInt8) -> Bool { code &- 2 < 6 }

    /// 1 when `code` is 0, else 0, by arithmetic (0 − 1 wraps to a set top bit) so no branch is emitted.
    @inline(__always) static func zeroBit(_ code: UInt8) -> UInt64 { (UInt64(code) &- 1) >> 63 }

    /// `a` where `mask` is all ones, `b` where it is zero (bitwise, branch-free).
    @inline(__always) static func pick(_ mask: UInt64, _ a: Double, _ b: Double) -> Double {
        Double(bitPattern: (a.bitPattern & mask) | (b.bitPattern & ~mask))
    }

    /// Count, sum, min, max and first error per group of one number column over grouped rows.
    /// `codes` is empty when every element is a value; `mask` (when given) excludes rows entirely.
    /// `maxTakesEqual` picks `Swift.max` semantics (`x >= hi`) versus `if x > hi` for ±0 ties, matching the caller's
    /// former loop exactly. With `minMax` false, `min`/`max` are left as they were (callers that do not read them).
    /// Requires `ids.count >= xs.count` and `mask.count >= xs.count` (checked by callers).
    static func summariseRuns(_ xs: [Double], codes: [UInt8], mask: [Bool]?, ids: [Int32], groups: Int,
                              count: inout [Int], sum: inout [Double], min: inout [Double], max: inout [Double],
                              error: inout [UInt8], minMax: Bool = true) {
        xs.withUnsafeBufferPointer { xp in
            summariseRuns(DoubleReader(base: xp), rows: xp.count, codes: codes, mask: mask, ids: ids, groups: groups,
                          count: &count, sum: &sum, min: &min, max: &max, error: &error, minMax: minMax)
        }
    }

    /// `summariseRuns` over `rows` elements read in place (typed column storage; see NumberSource.swift).
    static func summariseRuns<R: NumberReader>(_ xp: R, rows n: Int, codes: [UInt8], mask: [Bool]?, ids: [Int32],
                                               groups: Int, count: inout [Int], sum: inout [Double],
                                               min: inout [Double], max: inout [Double], error: inout [UInt8],
                                               minMax: Bool = true) {
        guard ids.count >= n, codes.isEmpty || codes.count >= n, (mask?.count ?? n) >= n,
              count.count >= groups, sum.count >= groups, min.count >= groups, max.count >= groups,
              error.count >= groups else { return }
        let useCodes = !codes.isEmpty
        let maskArray = mask ?? [], useMask = mask != nil
        // The former unmasked loop used Swift.min/max; the masked one `if x < lo` / `if x > hi`.
        let maxTakesEqual = !useMask
        var scratch = [Double](repeating: 0, count: compactBlock)
        count.withUnsafeMutableBufferPointer { cp in
        sum.withUnsafeMutableBufferPointer { sp in
        min.withUnsafeMutableBufferPointer { lop in
        max.withUnsafeMutableBufferPointer { hip in
        error.withUnsafeMutableBufferPointer { ep in
        ids.withUnsafeBufferPointer { ip in
        codes.withUnsafeBufferPointer { kp in
        maskArray.withUnsafeBufferPointer { mp in
        scratch.withUnsafeMutableBufferPointer { bp in
            // Rows with gaps (blanks, errors, masked out): each run of rows of one group is taken up to
            // `compactBlock` rows at a time; the values that count are first copied side by side without branches,
            // then added in row order. The serial chain of additions bounds this loop, and it now covers only the
            // rows that count (half the rows of a column with 50 % blanks). A skipped row used to add −0.0 and
            // compare with ±∞, which leaves every accumulator bit for bit unchanged, so results are identical.
            @inline(__always) func compacting(_ useCodes: Bool, _ useMask: Bool, _ minMax: Bool) {
                var cur = -1
                var c = 0, s = 0.0, lo = Double.infinity, hi = -Double.infinity
                var i = 0
                while i < n {
                    let id = ip[i]
                    let limit = Swift.min(n, i + bp.count)
                    var j = i + 1
                    while j < limit && ip[j] == id { j += 1 }
                    let g = Int(id)
                    if g != cur {
                        if cur >= 0 { cp[cur] = c; sp[cur] = s; lop[cur] = lo; hip[cur] = hi }
                        cur = g >= 0 && g < groups ? g : -1
                        if cur >= 0 { c = cp[cur]; s = sp[cur]; lo = lop[cur]; hi = hip[cur] }
                    }
                    if cur < 0 { i = j; continue }
                    var k = 0
                    for r in i..<j {
                        let code = useCodes ? kp[r] : 0
                        let maskBit: UInt64 = useMask ? (mp[r] ? 1 : 0) : 1
                        if errorCode(code), maskBit != 0, ep[cur] == 0 { ep[cur] = code }
                        // In bounds: k ≤ r − i < bp.count.
                        bp[k] = xp[r]
                        k &+= Int(zeroBit(code) & maskBit)
                    }
                    c &+= k
                    for t in 0..<k { s += bp[t] }
                    if minMax {
                        for t in 0..<k {
                            let x = bp[t]
                            lo = x < lo ? x : lo
                            hi = maxTakesEqual ? (x >= hi ? x : hi) : (x > hi ? x : hi)
                        }
                    }
                    i = j
                }
                if cur >= 0 { cp[cur] = c; sp[cur] = s; lop[cur] = lo; hip[cur] = hi }
            }
            // Every row counts: one loop per `minMax` flag (a constant argument to an always-inlined function).
            @inline(__always) func plain(_ minMax: Bool) {
                var cur = -1
                var c = 0, s = 0.0, lo = Double.infinity, hi = -Double.infinity
                for i in 0..<n {
                    let g = Int(ip[i])
                    if g != cur {
                        if cur >= 0 { cp[cur] = c; sp[cur] = s; lop[cur] = lo; hip[cur] = hi }
                        cur = g >= 0 && g < groups ? g : -1
                        if cur >= 0 { c = cp[cur]; s = sp[cur]; lo = lop[cur]; hi = hip[cur] }
                    }
                    if cur < 0 { continue }
                    let x = xp[i]
                    c &+= 1
                    s += x
                    if minMax {
                        lo = x < lo ? x : lo
                        hi = maxTakesEqual ? (x >= hi ? x : hi) : (x > hi ? x : hi)
                    }
                }
                if cur >= 0 { cp[cur] = c; sp[cur] = s; lop[cur] = lo; hip[cur] = hi }
            }
            switch (useCodes, useMask, minMax) {
            case (false, false, false): plain(false)
            case (false, false, true): plain(true)
            case (false, true, false): compacting(false, true, false)
            case (false, true, true): compacting(false, true, true)
            case (true, false, false): compacting(true, false, false)
            case (true, false, true): compacting(true, false, true)
            case (true, true, false): compacting(true, true, false)
            case (true, true, true): compacting(true, true, true)
            }
        }}}}}}}}}
    }

    /// Rows per compacted block in `summariseRuns` (a 2 KB scratch buffer).
    static let compactBlock = 256

    /// Sum of squared deviations from each group's mean (STDEV/VAR's second pass) for one number column.
    static func squaredDeviationRuns(_ xs: [Double], codes: [UInt8], ids: [Int32], means: [Double],
                                     into squares: inout [Double]) {
        xs.withUnsafeBufferPointer { xp in
            squaredDeviationRuns(DoubleReader(base: xp), rows: xp.count, codes: codes, ids: ids, means: means, into: &squares)
        }
    }

    /// `squaredDeviationRuns` over `rows` elements read in place.
    static func squaredDeviationRuns<R: NumberReader>(_ xp: R, rows n: Int, codes: [UInt8], ids: [Int32],
                                                      means: [Double], into squares: inout [Double]) {
        let groups = Swift.min(means.count, squares.count)
        guard ids.count >= n, codes.isEmpty || codes.count >= n else { return }
        let useCodes = !codes.isEmpty
        squares.withUnsafeMutableBufferPointer { qp in
        means.withUnsafeBufferPointer { mp in
        ids.withUnsafeBufferPointer { ip in
        codes.withUnsafeBufferPointer { kp in
            var cur = -1
            var q = 0.0, mean = 0.0
            for i in 0..<n {
                let g = Int(ip[i])
                if g != cur {
                    if cur >= 0 { qp[cur] = q }
                    cur = g >= 0 && g < groups ? g : -1
                    if cur >= 0 { q = qp[cur]; mean = mp[cur] }
                }
                if cur < 0 { continue }
                let keep: UInt64 = useCodes ? 0 &- zeroBit(kp[i]) : ~0
                let d = xp[i] - mean
                q += pick(keep, d * d, -0.0)
            }
            if cur >= 0 { qp[cur] = q }
        }}}}
    }

    /// SUMPRODUCT(a, b) of two number columns over grouped rows in one fused pass (no per-row product array).
    /// Per row it repeats the general kernel's steps exactly: p = 1·a (= a), zeroed if a is not a value, times b,
    /// zeroed if b is not a value; rows with an error (a's first) add nothing and set the group's first error.
    static func sumProduct2Runs(_ a: [Double], _ codesA: [UInt8], _ b: [Double], _ codesB: [UInt8], ids: [Int32],
                                groups: Int, sums: inout [Double], errors: inout [UInt8]) -> Bool {
        guard b.count == a.count else { return false }
        return a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                sumProduct2Runs(DoubleReader(base: ap), codesA, DoubleReader(base: bp), codesB, rows: ap.count, ids: ids,
                                groups: groups, sums: &sums, errors: &errors)
            }
        }
    }

    /// `sumProduct2Runs` over `rows` elements of two readers.
    static func sumProduct2Runs<A: NumberReader, B: NumberReader>(_ ap: A, _ codesA: [UInt8], _ bp: B, _ codesB: [UInt8],
                                                                  rows n: Int, ids: [Int32], groups: Int,
                                                                  sums: inout [Double], errors: inout [UInt8]) -> Bool {
        // The running sums must not start at −0.0 (callers start from +0.0): see the note on skipped rows below.
        guard ids.count >= n, codesA.isEmpty || codesA.count >= n, codesB.isEmpty || codesB.count >= n,
              sums.count >= groups, errors.count >= groups,
              !sums.contains(where: { $0.bitPattern == (-0.0).bitPattern }) else { return false }
        let useA = !codesA.isEmpty, useB = !codesB.isEmpty
        var scratch = [Double](repeating: 0, count: compactBlock)
        sums.withUnsafeMutableBufferPointer { sp in
        errors.withUnsafeMutableBufferPointer { ep in
        codesA.withUnsafeBufferPointer { cap in
        codesB.withUnsafeBufferPointer { cbp in
        ids.withUnsafeBufferPointer { ip in
        scratch.withUnsafeMutableBufferPointer { buffer in
        valueMasks.withUnsafeBufferPointer { vm in
        errorFlags.withUnsafeBufferPointer { ef in
            // As in `summariseRuns`, each run of one group is taken up to `compactBlock` rows at a time: the products
            // that can change the sum are copied side by side, then added in row order. Left out: rows with an error
            // (the general kernel adds −0.0) and rows where b is not a value (it adds +0.0). A sum that starts at
            // +0.0 is never −0.0 (x + −x is +0.0 when rounding to nearest), and adding ±0.0 to any other double
            // leaves it bit for bit unchanged, so the results are identical.
            var cur = -1
            var s = 0.0
            var i = 0
            while i < n {
                let id = ip[i]
                let limit = Swift.min(n, i + buffer.count)
                var j = i + 1
                while j < limit && ip[j] == id { j += 1 }
                let g = Int(id)
                if g != cur {
                    if cur >= 0 { sp[cur] = s }
                    cur = g >= 0 && g < groups ? g : -1
                    if cur >= 0 { s = sp[cur] }
                }
                if cur < 0 { i = j; continue }
                var k = 0
                for r in i..<j {
                    let c1 = useA ? cap[r] : 0, c2 = useB ? cbp[r] : 0
                    // Table lookups rather than conditionals: the compiler turned those into branches on the
                    // status codes, which mispredict on columns with 30–50 % blanks.
                    let bad = ef[Int(c1)] | ef[Int(c2)]
                    if bad != 0 {
                        let e = errorCode(c1) ? c1 : c2
                        if ep[cur] == 0 { ep[cur] = e }
                    }
                    // The general kernel's product when b is a value: 1·a (zeroed unless a is a value) times b.
                    // In bounds: k ≤ r − i < buffer.count.
                    buffer[k] = Double(bitPattern: (1 * ap[r]).bitPattern & vm[Int(c1)]) * bp[r]
                    k &+= Int(zeroBit(c2) & (bad ^ 1))
                }
                for t in 0..<k { s += buffer[t] }
                i = j
            }
            if cur >= 0 { sp[cur] = s }
        }}}}}}}}
        return true
    }

    /// Per status code: all ones for a value (0), else zero (masks a double's bits to +0.0).
    static let valueMasks: [UInt64] = (0..<256).map { $0 == 0 ? ~0 : 0 }

    /// Per status code: 1 for an error (2–7), else 0.
    static let errorFlags: [UInt64] = (0..<256).map { errorCode(UInt8($0)) ? 1 : 0 }

    /// Adds per-group counts of rows where `counted(i)` is 1 (it returns 0 or 1; rows with ids outside `0..<groups`
    /// are skipped). An integer rather than a Bool so callers can combine conditions with `&`/`|` and the compiler
    /// keeps the loop free of data-dependent branches (a 40 % match rate mispredicts a branch on every other row).
    /// Requires `ids.count >= n`.
    @inline(__always)
    static func countRuns(_ n: Int, ids: UnsafeBufferPointer<Int32>, groups: Int,
                          into totals: UnsafeMutableBufferPointer<Double>, _ counted: (Int) -> UInt8) {
        let limit = Swift.min(n, ids.count)
        let groups = Swift.min(groups, totals.count)
        // Each run of one group id is found first, then counted by a loop without the group test, which the
        // compiler can unroll and vectorise (integer counts: any order of additions gives the same total).
        var i = 0
        while i < limit {
            let id = ids[i]
            var j = i + 1
            while j < limit && ids[j] == id { j += 1 }
            let g = Int(id)
            if g >= 0 && g < groups {
                var c = 0
                for r in i..<j { c &+= Int(counted(r)) }
                // Totals are whole numbers below 2^53, so adding a run's count equals adding 1 per row.
                totals[g] += Double(c)
            }
            i = j
        }
    }

    /// 1 for true, 0 for false, as an integer to combine without branches.
    @inline(__always) static func bit(_ b: Bool) -> UInt8 { b ? 1 : 0 }
}
