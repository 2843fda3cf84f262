/// How the elements of an aggregate's argument map to output groups.
enum GroupMap {
    /// Row `i` belongs to group `ids[i]` (−1 = excluded).
    case rows([Int32])
    /// Element `i` is group `i` (per-row evaluation, or a per-group argument).
    case identity
    /// One value that belongs to every group (a constant argument).
    case broadcast
}

/// One argument of an aggregate, with how its elements map to groups and whether logicals count as 1/0.
struct AggregateInput {
    /// The argument's values.
    let vector: Vector
    /// Element → group.
    let map: GroupMap
}

/// The reduction kernels shared by SUM, AVERAGE, COUNT, MEDIAN, … over grouped vectors.
enum Aggregation {
    /// Walks elements `0..<n` with their group (−1 skipped) and status code, without per-element reference counting:
    /// every array is read through a buffer pointer.
    @inline(__always)
    static func scan(_ n: Int, map: GroupMap, status: Status, mask: [Bool]?, _ body: (_ i: Int, _ g: Int, _ code: UInt8) -> Void) {
        var ids: [Int32] = []
        var useIds = false
        if case .rows(let r) = map { ids = r; useIds = true }
        var words: [UInt64] = [], codes: [UInt8] = []
        var useWords = false, useCodes = false
        switch status {
        case .allValid: break
        case .validity(let bits): words = bits.words; useWords = true
        case .codes(let c): codes = c; useCodes = true
        }
        let maskArray = mask ?? []
        let useMask = mask != nil
        let limit = min(n, useIds ? ids.count : n, useMask ? maskArray.count : n)
        ids.withUnsafeBufferPointer { ip in
            words.withUnsafeBufferPointer { wp in
                codes.withUnsafeBufferPointer { cp in
                    maskArray.withUnsafeBufferPointer { mp in
                        for i in 0..<limit {
                            if useMask && !mp[i] { continue }
                            let g = useIds ? Int(ip[i]) : i
                            if g < 0 { continue }
                            var code: UInt8 = 0
                            if useCodes { code = cp[i] } else if useWords { code = (wp[i >> 6] >> UInt64(i & 63)) & 1 == 0 ? 1 : 0 }
                            body(i, g, code)
                        }
                    }
                }
            }
        }
    }

    /// True for status codes that carry an error value.
    @inline(__always) static func isError(_ code: UInt8) -> Bool { code >= 2 && code <= 7 }

    /// Calls `body(group, x)` for every number an aggregate counts (Excel's range rules: blanks, text and
    /// mixed-in logicals are skipped; logical-typed arguments count as 1/0) and `onError(group, code)` for errors.
    @inline(__always)
    static func forEachNumber(_ input: AggregateInput, groups: Int, mask: [Bool]? = nil,
                              _ body: (Int, Double) -> Void, _ onError: (Int, UInt8) -> Void) {
        let v = input.vector
        if case .scalar(let value) = v.payload {
            // A direct argument: Excel converts it (SUM(TRUE, "3") = 4).
            var x: Double?
            var error: UInt8 = 0
            switch value {
            case .number(let n), .date(let n): x = n
            case .boolean(let b): x = b ? 1 : 0
            case .text(let s):
                if let n = Coercion.number(fromText: s) { x = n } else { error = FormulaError.value.statusCode }
            case .error(let e): error = e.statusCode
            case .blank: break
            }
            let targets: Range<Int>
            switch input.map {
            case .broadcast: targets = 0..<groups
            default: targets = 0..<min(groups, v.count)
            }
            for g in targets {
                if let mask, g < mask.count, !mask[g] { continue }
                if error != 0 { onError(g, error) } else if let x { body(g, x) }
            }
            return
        }
        let n = v.count
        switch v.payload {
        case .numbers(let xs, _):
            xs.withUnsafeBufferPointer { xp in
                scan(n, map: input.map, status: v.status, mask: mask) { i, g, code in
                    if code == 0 { body(g, xp[i]) } else if isError(code) { onError(g, code) }
                }
            }
        case .booleans(let bs):
            bs.withUnsafeBufferPointer { bp in
                scan(n, map: input.map, status: v.status, mask: mask) { i, g, code in
                    if code == 0 { body(g, bp[i] ? 1 : 0) } else if isError(code) { onError(g, code) }
                }
            }
        case .texts, .categories:
            guard v.status.mayHaveGaps else { return }
            scan(n, map: input.map, status: v.status, mask: mask) { _, g, code in
                if isError(code) { onError(g, code) }
            }
        case .values(let values):
            scan(n, map: input.map, status: .allValid, mask: mask) { i, g, _ in
                switch values[i] {
                case .number(let x), .date(let x): body(g, x)
                case .error(let e): onError(g, e.statusCode)
                default: break
                }
            }
        case .scalar: break
        }
    }

    /// Count, sum, min, max and the first error of each group, in one pass over every input.
    struct Summary {
        var count: [Int]
        var sum: [Double]
        var min: [Double]
        var max: [Double]
        var error: [UInt8]

        /// Accumulates the inputs (optionally only where `masks[k]` holds for input k).
        /// `minMax` false lets the single-column fast path skip min/max (then they are unspecified; callers must not read them).
        init(_ inputs: [AggregateInput], groups: Int, masks: [[Bool]?]? = nil, minMax: Bool = true) {
            var count = [Int](repeating: 0, count: groups)
            var sum = [Double](repeating: 0, count: groups)
            var min = [Double](repeating: .infinity, count: groups)
            var max = [Double](repeating: -.infinity, count: groups)
            var error = [UInt8](repeating: 0, count: groups)
            let singleMask: [Bool]? = masks.flatMap { $0.count == 1 ? $0[0] : nil }
            if inputs.count == 1, masks == nil || (masks?.count == 1 && (singleMask.map { $0.count } ?? Int.max) >= inputs[0].vector.count),
               case .numbers(let xs, _) = inputs[0].vector.payload,
               case .rows(let ids) = inputs[0].map, xs.count <= ids.count {
                // The common KPI case, one column over grouped rows (AVERAGE, SUM, AVERAGEIFS): one loop, no closures.
                let codes = inputs[0].vector.status.materialized(xs.count) ?? []
                Aggregation.summariseRuns(xs, codes: codes, mask: singleMask, ids: ids, groups: groups,
                                          count: &count, sum: &sum, min: &min, max: &max, error: &error, minMax: minMax)
                self.count = count
                self.sum = sum
                self.min = min
                self.max = max
                self.error = error
                return
            }
            count.withUnsafeMutableBufferPointer { cp in
                sum.withUnsafeMutableBufferPointer { sp in
                    min.withUnsafeMutableBufferPointer { lo in
                        max.withUnsafeMutableBufferPointer { hi in
                            for (k, input) in inputs.enumerated() {
                                let mask = masks?[k] ?? nil
                                Aggregation.forEachNumber(input, groups: groups, mask: mask, { g, x in
                                    cp[g] += 1
                                    sp[g] += x
                                    if x < lo[g] { lo[g] = x }
                                    if x > hi[g] { hi[g] = x }
                                }, { g, code in
                                    if error[g] == 0 { error[g] = code }
                                })
                            }
                        }
                    }
                }
            }
            self.count = count
            self.sum = sum
            self.min = min
            self.max = max
            self.error = error
        }
    }

    /// Builds a number vector from per-group results (or a scalar when `scalar` is set).
    static func numbers(_ groups: Int, isDate: Bool = false, _ f: (Int) -> FormulaValue) -> Vector {
        var out = [Double](repeating: 0, count: groups)
        var codes: [UInt8]?
        for g in 0..<groups {
            switch f(g) {
            case .number(let x), .date(let x):
                if x.isFinite { out[g] = x } else {
                    if codes == nil { codes = [UInt8](repeating: 0, count: groups) }
                    codes?[g] = FormulaError.num.statusCode
                }
            case .error(let e):
                if codes == nil { codes = [UInt8](repeating: 0, count: groups) }
                codes?[g] = e.statusCode
            case .blank:
                if codes == nil { codes = [UInt8](repeating: 0, count: groups) }
                codes?[g] = statusBlank
            default: break
            }
        }
        return Vector(payload: .numbers(out, isDate: isDate), status: codes.map { .codes($0) } ?? .allValid, count: groups)
    }

    /// Every counted number, bucketed by group in input order: `values[offsets[g]..<offsets[g+1]]`.
    struct Buckets {
        var values: [Double]
        var offsets: [Int]
        var error: [UInt8]

        /// Collects the inputs in two passes (count, then fill).
        init(_ inputs: [AggregateInput], groups: Int, masks: [[Bool]?]? = nil) {
            if inputs.count == 1, masks == nil, case .numbers(let xs, _) = inputs[0].vector.payload,
               case .rows(let ids) = inputs[0].map, xs.count <= ids.count {
                self.init(numbers: xs, status: inputs[0].vector.status, ids: ids, groups: groups)
                return
            }
            self.init(general: inputs, groups: groups, masks: masks)
        }

        /// One column over grouped rows: counting sort by group without closures.
        init(numbers xs: [Double], status: Status, ids: [Int32], groups: Int) {
            self = xs.withUnsafeBufferPointer { xp in
                Buckets(DoubleReader(base: xp), rows: xp.count, status: status, ids: ids, groups: groups)
            }
        }

        /// One column over grouped rows, read in place (typed storage): the same counting sort.
        init<R: NumberReader>(_ xp: R, rows: Int, status: Status, ids: [Int32], groups: Int) {
            let codes = status.materialized(rows) ?? []
            let useCodes = !codes.isEmpty
            var counts = [Int](repeating: 0, count: groups + 1)
            var errors = [UInt8](repeating: 0, count: groups)
            let n = Swift.min(rows, ids.count, useCodes ? codes.count : rows)
            // Both passes keep the current group's counter / write cursor in a register while the group id repeats
            // (see RunKernels.swift); the order values land in is the same as a row-by-row loop.
            counts.withUnsafeMutableBufferPointer { cp in
                errors.withUnsafeMutableBufferPointer { ep in
                    ids.withUnsafeBufferPointer { ip in
                        codes.withUnsafeBufferPointer { kp in
                            var cur = -1, c = 0
                            for i in 0..<n {
                                let g = Int(ip[i])
                                if g != cur {
                                    if cur >= 0 { cp[cur + 1] = c }
                                    cur = g >= 0 && g < groups ? g : -1
                                    if cur >= 0 { c = cp[cur + 1] }
                                }
                                if cur < 0 { continue }
                                let code = useCodes ? kp[i] : 0
                                if code != 0, Aggregation.isError(code), ep[cur] == 0 { ep[cur] = code }
                                c &+= code == 0 ? 1 : 0
                            }
                            if cur >= 0 { cp[cur + 1] = c }
                        }
                    }
                }
            }
            for g in 0..<groups { counts[g + 1] += counts[g] }
            var cursor = counts
            var values = [Double](repeating: 0, count: counts[groups])
            values.withUnsafeMutableBufferPointer { vp in
                cursor.withUnsafeMutableBufferPointer { cp in
                    ids.withUnsafeBufferPointer { ip in
                        codes.withUnsafeBufferPointer { kp in
                            do {
                                var cur = -1, at = 0
                                for i in 0..<n {
                                    let g = Int(ip[i])
                                    if g != cur {
                                        if cur >= 0 { cp[cur] = at }
                                        cur = g >= 0 && g < groups ? g : -1
                                        if cur >= 0 { at = cp[cur] }
                                    }
                                    if cur < 0 || (useCodes && kp[i] != 0) { continue }
                                    // In bounds: group g received exactly as many slots as the first pass counted.
                                    vp[at] = xp[i]
                                    at += 1
                                }
                                if cur >= 0 { cp[cur] = at }
                            }
                        }
                    }
                }
            }
            self.values = values
            self.offsets = counts
            self.error = errors
        }

        /// Any inputs: two passes through `forEachNumber`.
        init(general inputs: [AggregateInput], groups: Int, masks: [[Bool]?]?) {
            var counts = [Int](repeating: 0, count: groups + 1)
            var errors = [UInt8](repeating: 0, count: groups)
            counts.withUnsafeMutableBufferPointer { cp in
                for (k, input) in inputs.enumerated() {
                    Aggregation.forEachNumber(input, groups: groups, mask: masks?[k] ?? nil, { g, _ in cp[g + 1] += 1 },
                                              { g, code in if errors[g] == 0 { errors[g] = code } })
                }
            }
            error = errors
            for g in 0..<groups { counts[g + 1] += counts[g] }
            offsets = counts
            var cursor = counts
            var values = [Double](repeating: 0, count: counts[groups])
            values.withUnsafeMutableBufferPointer { vp in
                cursor.withUnsafeMutableBufferPointer { cp in
                    for (k, input) in inputs.enumerated() {
                        Aggregation.forEachNumber(input, groups: groups, mask: masks?[k] ?? nil, { g, x in
                            vp[cp[g]] = x
                            cp[g] += 1
                        }, { _, _ in })
                    }
                }
            }
            self.values = values
        }

        /// The values of group `g`.
        func slice(_ g: Int) -> ArraySlice<Double> { values[offsets[g]..<offsets[g + 1]] }
    }

    /// The k-th smallest (0-based) of `values` via quickselect; reorders `values`.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        values.withUnsafeMutableBufferPointer { select(in: $0, k) }
    }

    /// The k-th smallest (0-based) of a buffer via quickselect; reorders it.
    static func select(in a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0, hi = a.count - 1
        do {
            while hi > lo {
                if hi - lo < 16 {
                    // Insertion sort for short ranges.
                    for i in (lo + 1)...hi {
                        let x = a[i]
                        var j = i - 1
                        while j >= lo, a[j] > x { a[j + 1] = a[j]; j -= 1 }
                        a[j + 1] = x
                    }
                    return a[k]
                }
                let mid = lo + (hi - lo) / 2
                // Median of three as pivot.
                if a[mid] < a[lo] { a.swapAt(mid, lo) }
                if a[hi] < a[lo] { a.swapAt(hi, lo) }
                if a[hi] < a[mid] { a.swapAt(hi, mid) }
                let pivot = a[mid]
                var i = lo, j = hi
                while i <= j {
                    while a[i] < pivot { i += 1 }
                    while a[j] > pivot { j -= 1 }
                    if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
            }
            return a[k]
        }
    }

    /// Value at fractional 0-based rank `h` with linear interpolation (PERCENTILE's rule).
    static func interpolated(_ slice: ArraySlice<Double>, rank h: Double) -> Double {
        var values = Array(slice)
        return values.withUnsafeMutableBufferPointer { interpolated(in: $0, rank: h) }
    }

    /// In-place variant on a buffer the caller owns (reorders it).
    static func interpolated(in a: UnsafeMutableBufferPointer<Double>, rank h: Double) -> Double {
        if a.count >= histogramSelectMinimum, let r = histogramInterpolated(a, rank: h) { return r }
        return quickselectInterpolated(in: a, rank: h)
    }

    /// Groups at least this large use the histogram selection (below it quickselect is as fast).
    static let histogramSelectMinimum = 512

    /// MEDIAN / PERCENTILE of a large group without quickselect over all of it: one pass for the key range, one to
    /// histogram order-preserving keys into 2048 buckets, one to gather the bucket(s) holding ranks ⌊h⌋ and ⌊h⌋+1;
    /// quickselect then runs on those few candidates only. Why: quickselect over ~10k random values per group
    /// mispredicts a branch per comparison and made MEDIAN the costliest KPI; the passes here are branch-light.
    /// The answer is exactly the general one: the candidates are precisely the values of ranks base..<base+count,
    /// so the same `quickselectInterpolated` on them at rank h − base (exact: an integer subtracted from h ≥ it)
    /// finds the same order statistics. Groups with NaN or −0.0 (whose ties with +0.0 quickselect resolves by
    /// position) return nil and take the general path, as do constant groups.
    static func histogramInterpolated(_ a: UnsafeMutableBufferPointer<Double>, rank h: Double) -> Double? {
        let m = a.count
        guard h >= 0, h < Double(m) else { return nil }
        @inline(__always) func key(_ x: Double) -> UInt64 {
            let b = x.bitPattern
            // Order-preserving map of a double's bits onto unsigned integers (negatives reversed).
            return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
        }
        var lo = UInt64.max, hi = UInt64.min
        var unusual = false
        for i in 0..<m {
            let x = a[i]
            unusual = unusual || x.isNaN || x.bitPattern == (1 << 63)
            let k = key(x)
            lo = Swift.min(lo, k)
            hi = Swift.max(hi, k)
        }
        guard !unusual, hi > lo else { return nil }
        let bucketBits = 11
        let width = 64 - (hi - lo).leadingZeroBitCount
        let shift = UInt64(Swift.max(0, width - bucketBits))
        let bucketCount = Int((hi - lo) >> shift) + 1  // ≤ 2048
        var counts = [Int](repeating: 0, count: bucketCount)
        counts.withUnsafeMutableBufferPointer { cp in
            for i in 0..<m { cp[Int((key(a[i]) - lo) >> shift)] += 1 }
        }
        let lower = Int(h.rounded(.down))
        let needNext = h - Double(lower) > 0 && lower + 1 < m
        // Buckets b1 (holding rank `lower`) and b2 (holding rank `lower + 1` when needed).
        var base = 0, b1 = -1, b2 = -1, cumulative = 0
        for b in 0..<bucketCount {
            let next = cumulative + counts[b]
            if b1 < 0, lower < next { b1 = b; base = cumulative }
            if b1 >= 0 {
                if !needNext || lower + 1 < next { b2 = b; break }
            }
            cumulative = next
        }
        guard b1 >= 0, b2 >= b1 else { return nil }
        var candidates: [Double] = []
        candidates.reserveCapacity(counts[b1] + (b2 > b1 ? counts[b2] : 0))
        let from = UInt64(b1), to = UInt64(b2)
        for i in 0..<m {
            let b = (key(a[i]) - lo) >> shift
            if b >= from && b <= to { candidates.append(a[i]) }
        }
        return candidates.withUnsafeMutableBufferPointer { quickselectInterpolated(in: $0, rank: h - Double(base)) }
    }

    /// The general in-place interpolation by quickselect.
    static func quickselectInterpolated(in a: UnsafeMutableBufferPointer<Double>, rank h: Double) -> Double {
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let x = select(in: a, lower)
        guard fraction > 0, lower + 1 < a.count else { return x }
        // The next order statistic is the minimum of everything above position `lower`.
        var y = Double.infinity
        for i in (lower + 1)..<a.count where a[i] < y { y = a[i] }
        return x + fraction * (y - x)
    }
}
