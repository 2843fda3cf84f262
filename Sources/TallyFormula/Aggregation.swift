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
        @inline(__always) func group(_ i: Int) -> Int {
            switch input.map {
            case .rows(let ids): return Int(ids[i])
            case .identity: return i
            case .broadcast: return 0
            }
        }
        let gaps = v.status.mayHaveGaps
        switch v.payload {
        case .numbers(let xs, _):
            if case .rows(let ids) = input.map, !gaps, mask == nil {
                xs.withUnsafeBufferPointer { xp in
                    ids.withUnsafeBufferPointer { ip in
                        for i in 0..<n {
                            let g = Int(ip[i])
                            if g >= 0 { body(g, xp[i]) }
                        }
                    }
                }
                return
            }
            for i in 0..<n {
                if let mask, !mask[i] { continue }
                let g = group(i)
                if g < 0 { continue }
                if gaps {
                    let c = v.status.code(i)
                    if c != statusValue {
                        if c >= 2 && c != statusOmittedFalse { onError(g, c) }
                        continue
                    }
                }
                body(g, xs[i])
            }
        case .booleans(let bs):
            for i in 0..<n {
                if let mask, !mask[i] { continue }
                let g = group(i)
                if g < 0 { continue }
                if gaps {
                    let c = v.status.code(i)
                    if c != statusValue {
                        if c >= 2 && c != statusOmittedFalse { onError(g, c) }
                        continue
                    }
                }
                body(g, bs[i] ? 1 : 0)
            }
        case .texts, .categories:
            guard gaps else { return }
            for i in 0..<n {
                if let mask, !mask[i] { continue }
                let g = group(i)
                let c = v.status.code(i)
                if g >= 0, c >= 2, c != statusOmittedFalse { onError(g, c) }
            }
        case .values(let values):
            for i in 0..<n {
                if let mask, !mask[i] { continue }
                let g = group(i)
                if g < 0 { continue }
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
        init(_ inputs: [AggregateInput], groups: Int, masks: [[Bool]?]? = nil) {
            count = [Int](repeating: 0, count: groups)
            sum = [Double](repeating: 0, count: groups)
            min = [Double](repeating: .infinity, count: groups)
            max = [Double](repeating: -.infinity, count: groups)
            error = [UInt8](repeating: 0, count: groups)
            for (k, input) in inputs.enumerated() {
                let mask = masks?[k] ?? nil
                Aggregation.forEachNumber(input, groups: groups, mask: mask, { g, x in
                    count[g] += 1
                    sum[g] += x
                    if x < min[g] { min[g] = x }
                    if x > max[g] { max[g] = x }
                }, { g, code in
                    if error[g] == 0 { error[g] = code }
                })
            }
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
            var counts = [Int](repeating: 0, count: groups + 1)
            var errors = [UInt8](repeating: 0, count: groups)
            for (k, input) in inputs.enumerated() {
                Aggregation.forEachNumber(input, groups: groups, mask: masks?[k] ?? nil, { g, _ in counts[g + 1] += 1 },
                                          { g, code in if errors[g] == 0 { errors[g] = code } })
            }
            error = errors
            for g in 0..<groups { counts[g + 1] += counts[g] }
            offsets = counts
            var cursor = counts
            var values = [Double](repeating: 0, count: counts[groups])
            for (k, input) in inputs.enumerated() {
                Aggregation.forEachNumber(input, groups: groups, mask: masks?[k] ?? nil, { g, x in
                    values[cursor[g]] = x
                    cursor[g] += 1
                }, { _, _ in })
            }
            self.values = values
        }

        /// The values of group `g`.
        func slice(_ g: Int) -> ArraySlice<Double> { values[offsets[g]..<offsets[g + 1]] }
    }

    /// The k-th smallest (0-based) of `values` via quickselect; reorders `values`.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = values.count - 1
        return values.withUnsafeMutableBufferPointer { a in
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
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let a = select(&values, lower)
        guard fraction > 0, lower + 1 < values.count else { return a }
        // The next order statistic is the minimum of everything above position `lower`.
        var b = Double.infinity
        for i in (lower + 1)..<values.count where values[i] < b { b = values[i] }
        return a + fraction * (b - a)
    }
}
