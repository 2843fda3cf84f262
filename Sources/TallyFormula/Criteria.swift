/// A COUNTIF-style criterion (`">=4"`, `"<>N"`, `"A*"`, `TRUE`, `""`) compiled once, matched per value as Excel does.
public struct Criterion: Sendable, Hashable {
    /// The comparison.
    enum Comparison: Sendable, Hashable { case equal, notEqual, less, greater, lessEqual, greaterEqual }

    /// What values are compared with.
    enum Operand: Sendable, Hashable {
        case number(Double)
        case text(String, pattern: WildcardPattern?)
        case boolean(Bool)
        /// Empty criterion text: `""` matches blanks and empty text, `"="` blanks only, `"<>"` anything non-blank.
        case empty(explicitEqual: Bool)
        case error(FormulaError)
    }

    let comparison: Comparison
    let operand: Operand

    /// Parses a criterion value the way COUNTIF reads its second argument.
    public init(_ value: FormulaValue) {
        switch value {
        case .number(let x), .date(let x): self.init(.equal, .number(x))
        case .boolean(let b): self.init(.equal, .boolean(b))
        case .blank: self.init(.equal, .number(0))
        case .error(let e): self.init(.equal, .error(e))
        case .text(let s): self = Criterion.parse(s)
        }
    }

    private init(_ comparison: Comparison, _ operand: Operand) {
        self.comparison = comparison
        self.operand = operand
    }

    private static func parse(_ text: String) -> Criterion {
        var rest = Substring(text)
        var comparison = Comparison.equal
        var explicit = false
        for (prefix, op) in [("<=", Comparison.lessEqual), (">=", .greaterEqual), ("<>", .notEqual), ("<", .less),
                             (">", .greater), ("=", .equal)] where rest.hasPrefix(prefix) {
            comparison = op
            explicit = true
            rest = rest.dropFirst(prefix.count)
            break
        }
        let operandText = String(rest)
        if operandText.isEmpty { return Criterion(comparison, .empty(explicitEqual: explicit && comparison == .equal)) }
        if let x = Coercion.number(fromText: operandText) { return Criterion(comparison, .number(x)) }
        switch operandText.uppercased() {
        case "TRUE": return Criterion(comparison, .boolean(true))
        case "FALSE": return Criterion(comparison, .boolean(false))
        default: break
        }
        if let e = FormulaError.allCases.first(where: { $0.rawValue == operandText.uppercased() }) {
            return Criterion(comparison, .error(e))
        }
        let usesPattern = comparison == .equal || comparison == .notEqual
        return Criterion(comparison, .text(operandText, pattern: usesPattern ? WildcardPattern(operandText) : nil))
    }

    /// For boolean columns: a text or number operand naming a logical ("Y", "no", 1) compares as that logical.
    func forBooleanColumn() -> Criterion {
        switch operand {
        case .text(let s, _):
            if let b = BooleanTokens.value(of: s) { return Criterion(comparison, .boolean(b)) }
        case .number(let x) where x == 0 || x == 1:
            if comparison == .equal || comparison == .notEqual { return Criterion(comparison, .boolean(x == 1)) }
        default: break
        }
        return self
    }

    /// Whether one value satisfies the criterion.
    public func matches(_ value: FormulaValue) -> Bool {
        if case .error(let e) = value {
            if case .error(let want) = operand { return (e == want) == (comparison == .equal) }
            return false
        }
        switch operand {
        case .empty(let explicitEqual):
            let isBlank: Bool
            switch value {
            case .blank: isBlank = true
            case .text(let s): isBlank = s.isEmpty && !explicitEqual
            default: isBlank = false
            }
            switch comparison {
            case .equal: return isBlank
            case .notEqual:
                if case .blank = value { return false }
                return true
            default:
                // "<" alone compares with empty text: only text values can satisfy it.
                if case .text(let s) = value { return order(Operators.compare(.text(s), .text(""))) }
                return false
            }
        case .number(let x):
            guard let v = value.number else { return comparison == .notEqual }
            return order(v == x ? 0 : (v < x ? -1 : 1))
        case .boolean(let b):
            guard case .boolean(let v) = value else { return comparison == .notEqual }
            return order(v == b ? 0 : (!v ? -1 : 1))
        case .error:
            return comparison == .notEqual
        case .text(let s, let pattern):
            guard case .text(let v) = value else {
                return comparison == .notEqual
            }
            if let pattern {
                let hit = pattern.matches(v)
                return comparison == .equal ? hit : !hit
            }
            return order(Operators.compare(.text(v), .text(s)))
        }
    }

    private func order(_ c: Int) -> Bool {
        switch comparison {
        case .equal: return c == 0
        case .notEqual: return c != 0
        case .less: return c < 0
        case .greater: return c > 0
        case .lessEqual: return c <= 0
        case .greaterEqual: return c >= 0
        }
    }

    /// Matches per group for the common fast cases (numbers against a number, logicals, categories);
    /// nil when the general mask path is needed.
    func countPerGroup(_ vector: Vector, ids: [Int32], groups: Int) -> [Double]? {
        let n = vector.count
        guard ids.count >= n else { return nil }
        var counts = [Double](repeating: 0, count: groups)
        let status = vector.status.materialized(n) ?? []
        let gaps = !status.isEmpty
        // What a blank or otherwise non-value element does, decided once per status code.
        guard status.isEmpty || status.count >= n else { return nil }
        // 256 entries (any status byte indexes in bounds); entry 0 stays false so `gp[code] || (code == 0 && hit)`
        // decides a row without branching on the data.
        var gapMatches = [Bool](repeating: false, count: 256)
        for code in 1..<10 {
            gapMatches[code] = matches(Vector(payload: .numbers([0], isDate: false), status: .codes([UInt8(code)]), count: 1).value(0))
        }
        // Counting per run of equal group ids in a register (see RunKernels.swift), branch-free per row.
        @inline(__always) func run(_ hit: (Int) -> Bool) {
            counts.withUnsafeMutableBufferPointer { cp in
                ids.withUnsafeBufferPointer { ip in
                    status.withUnsafeBufferPointer { sp in
                        gapMatches.withUnsafeBufferPointer { gp in
                            if gaps {
                                Aggregation.countRuns(n, ids: ip, groups: groups, into: cp) { i in
                                    let code = sp[i]
                                    return (Aggregation.bit(hit(i)) & Aggregation.bit(code == 0)) | Aggregation.bit(gp[Int(code)])
                                }
                            } else {
                                Aggregation.countRuns(n, ids: ip, groups: groups, into: cp) { Aggregation.bit(hit($0)) }
                            }
                        }
                    }
                }
            }
        }
        switch vector.payload {
        case .numbers(let xs, _):
            guard case .number = operand, xs.count >= n else { return nil }
            return xs.withUnsafeBufferPointer { countNumbers(DoubleReader(base: $0), rows: n, status: status, ids: ids, groups: groups) }
        case .booleans(let bs):
            guard bs.count >= n else { return nil }
            let criterion = forBooleanColumn()
            for code in 1..<10 {
                gapMatches[code] = criterion.matches(Vector(payload: .booleans([false]), status: .codes([UInt8(code)]), count: 1).value(0))
            }
            let onTrue = criterion.matches(.boolean(true)), onFalse = criterion.matches(.boolean(false))
            bs.withUnsafeBufferPointer { bp in run { bp[$0] ? onTrue : onFalse } }
        case .categories(let codes, let levels):
            guard codes.count >= n else { return nil }
            let perLevel = levels.map { matches(.text($0)) }
            for code in 1..<10 {
                gapMatches[code] = matches(Vector(payload: .categories(codes: [0], levels: [""]), status: .codes([UInt8(code)]), count: 1).value(0))
            }
            let blank = matches(.blank)
            codes.withUnsafeBufferPointer { cp in
                perLevel.withUnsafeBufferPointer { lp in
                    run { i in
                        let c = Int(cp[i])
                        return c >= 0 && c < lp.count ? lp[c] : blank
                    }
                }
            }
        default: return nil
        }
        return counts
    }

    /// `countPerGroup` for numbers read in place (typed column storage); nil when the general path is needed.
    func countPerGroup(_ numbers: TypedNumbers, ids: [Int32], groups: Int) -> [Double]? {
        let n = numbers.count
        guard case .number = operand, numbers.storage.count >= n, ids.count >= n else { return nil }
        let status = numbers.status.materialized(n) ?? []
        guard status.isEmpty || status.count >= n else { return nil }
        return numbers.storage.read(CountNumbers(criterion: self, rows: n, status: status, ids: ids, groups: groups))
    }

    /// `countNumbers` as a `NumberReading`.
    private struct CountNumbers: NumberReading {
        let criterion: Criterion, rows: Int, status: [UInt8], ids: [Int32], groups: Int

        func read<R: NumberReader>(_ xs: R, count: Int) -> [Double]? {
            criterion.countNumbers(xs, rows: rows, status: status, ids: ids, groups: groups)
        }
    }

    /// Matches of a number criterion per group over `rows` numbers (the numbers case of `countPerGroup`).
    /// Requires `ids.count >= rows` and `status` empty or at least `rows` long.
    private func countNumbers<R: NumberReader>(_ xp: R, rows n: Int, status: [UInt8], ids: [Int32], groups: Int) -> [Double]? {
        guard case .number(let x) = operand else { return nil }
        var counts = [Double](repeating: 0, count: groups)
        let gaps = !status.isEmpty
        // What a gap element gives, per status code (entry 0, a value, is decided per row instead).
        var gapMatches = [Bool](repeating: false, count: 256)
        for code in 1..<10 {
            gapMatches[code] = matches(Vector(payload: .numbers([0], isDate: false), status: .codes([UInt8(code)]), count: 1).value(0))
        }
        @inline(__always) func run(_ hit: (Int) -> Bool) {
            counts.withUnsafeMutableBufferPointer { cp in
                ids.withUnsafeBufferPointer { ip in
                    status.withUnsafeBufferPointer { sp in
                        gapMatches.withUnsafeBufferPointer { gp in
                            if gaps {
                                Aggregation.countRuns(n, ids: ip, groups: groups, into: cp) { i in
                                    let code = sp[i]
                                    return (Aggregation.bit(hit(i)) & Aggregation.bit(code == 0)) | Aggregation.bit(gp[Int(code)])
                                }
                            } else {
                                Aggregation.countRuns(n, ids: ip, groups: groups, into: cp) { Aggregation.bit(hit($0)) }
                            }
                        }
                    }
                }
            }
        }
        switch comparison {
        case .equal: run { xp[$0] == x }
        case .notEqual: run { xp[$0] != x }
        case .less: run { xp[$0] < x }
        case .greater: run { xp[$0] > x }
        case .lessEqual: run { xp[$0] <= x }
        case .greaterEqual: run { xp[$0] >= x }
        }
        return counts
    }

    /// 1 where the criterion holds, 0 elsewhere, for the typed cases `countPerGroup` handles (numbers against a
    /// number, logicals, categories); nil otherwise. Equal to `mask(vector)` element for element (tested), but
    /// decided per status code and per category level once, then filled without per-row values or branches:
    /// COUNTIFS ANDs these bytes and counts them per group (ConditionalFunctions).
    func hitBytes(_ vector: Vector) -> [UInt8]? {
        let n = vector.count
        let status = vector.status.materialized(n) ?? []
        guard status.isEmpty || status.count >= n else { return nil }
        let gaps = !status.isEmpty
        var out = [UInt8](repeating: 0, count: n)
        // Per status byte: what a gap element gives (entry 0, a value, is decided per row instead).
        var gapBits = [UInt8](repeating: 0, count: 256)
        func fill(_ criterion: Criterion, _ probe: Vector, _ hit: (Int) -> Bool) {
            for code in 1..<10 {
                var one = probe
                one.status = .codes([UInt8(code)])
                gapBits[code] = Aggregation.bit(criterion.matches(one.value(0)))
            }
            out.withUnsafeMutableBufferPointer { op in
                status.withUnsafeBufferPointer { sp in
                    gapBits.withUnsafeBufferPointer { gp in
                        if gaps {
                            for i in 0..<n {
                                let code = sp[i]
                                op[i] = (Aggregation.bit(hit(i)) & Aggregation.bit(code == 0)) | gp[Int(code)]
                            }
                        } else {
                            for i in 0..<n { op[i] = Aggregation.bit(hit(i)) }
                        }
                    }
                }
            }
        }
        switch vector.payload {
        case .numbers(let xs, _):
            guard case .number(let x) = operand, xs.count >= n else { return nil }
            let probe = Vector(payload: .numbers([0], isDate: false), status: .allValid, count: 1)
            xs.withUnsafeBufferPointer { xp in
                switch comparison {
                case .equal: fill(self, probe) { xp[$0] == x }
                case .notEqual: fill(self, probe) { xp[$0] != x }
                case .less: fill(self, probe) { xp[$0] < x }
                case .greater: fill(self, probe) { xp[$0] > x }
                case .lessEqual: fill(self, probe) { xp[$0] <= x }
                case .greaterEqual: fill(self, probe) { xp[$0] >= x }
                }
            }
        case .booleans(let bs):
            guard bs.count >= n else { return nil }
            let criterion = forBooleanColumn()
            let onTrue = criterion.matches(.boolean(true)), onFalse = criterion.matches(.boolean(false))
            let probe = Vector(payload: .booleans([false]), status: .allValid, count: 1)
            bs.withUnsafeBufferPointer { bp in fill(criterion, probe) { bp[$0] ? onTrue : onFalse } }
        case .categories(let codes, let levels):
            guard codes.count >= n else { return nil }
            let perLevel = levels.map { matches(.text($0)) }
            let blank = matches(.blank)
            let probe = Vector(payload: .categories(codes: [0], levels: [""]), status: .allValid, count: 1)
            codes.withUnsafeBufferPointer { cp in
                perLevel.withUnsafeBufferPointer { lp in
                    fill(self, probe) { i in
                        let c = Int(cp[i])
                        return c >= 0 && c < lp.count ? lp[c] : blank
                    }
                }
            }
        default: return nil
        }
        return out
    }

    /// One flag per element of `vector`: true where the criterion holds.
    func mask(_ vector: Vector) -> [Bool] {
        let n = vector.count
        let status = vector.status.materialized(n) ?? []
        let gaps = !status.isEmpty
        var out = [Bool](repeating: false, count: n)
        switch vector.payload {
        case .scalar(let v): return [Bool](repeating: matches(v), count: n)
        case .categories(let codes, let levels):
            let perLevel = levels.map { matches(.text($0)) }
            out.withUnsafeMutableBufferPointer { op in
                codes.withUnsafeBufferPointer { cp in
                    for i in 0..<n {
                        if gaps, status[i] != statusValue { op[i] = matches(vector.value(i)); continue }
                        let c = Int(cp[i])
                        op[i] = c >= 0 && c < perLevel.count ? perLevel[c] : matches(.blank)
                    }
                }
            }
            return out
        case .numbers(let xs, _):
            guard case .number(let x) = operand else { break }
            let comparison = self.comparison
            out.withUnsafeMutableBufferPointer { op in
                xs.withUnsafeBufferPointer { xp in
                    for i in 0..<n {
                        if gaps, status[i] != statusValue { op[i] = matches(vector.value(i)); continue }
                        let v = xp[i]
                        switch comparison {
                        case .equal: op[i] = v == x
                        case .notEqual: op[i] = v != x
                        case .less: op[i] = v < x
                        case .greater: op[i] = v > x
                        case .lessEqual: op[i] = v <= x
                        case .greaterEqual: op[i] = v >= x
                        }
                    }
                }
            }
            return out
        case .booleans(let bs):
            let criterion = forBooleanColumn()
            let onTrue = criterion.matches(.boolean(true)), onFalse = criterion.matches(.boolean(false))
            out.withUnsafeMutableBufferPointer { op in
                bs.withUnsafeBufferPointer { bp in
                    for i in 0..<n {
                        if gaps, status[i] != statusValue { op[i] = criterion.matches(vector.value(i)); continue }
                        op[i] = bp[i] ? onTrue : onFalse
                    }
                }
            }
            return out
        default: break
        }
        for i in 0..<n { out[i] = matches(vector.value(i)) }
        return out
    }
}

/// Excel wildcards: `*` any run, `?` one character, `~` escapes the next; matching ignores case.
struct WildcardPattern: Sendable, Hashable {
    enum Piece: Sendable, Hashable { case literal(Character), one, any }
    let pieces: [Piece]

    /// Compiles a pattern (always; a pattern without wildcards is a case-insensitive equality).
    init(_ text: String) {
        var pieces: [Piece] = []
        var escaped = false
        for c in text.lowercased() {
            if escaped { pieces.append(.literal(c)); escaped = false; continue }
            switch c {
            case "~": escaped = true
            case "*": pieces.append(.any)
            case "?": pieces.append(.one)
            default: pieces.append(.literal(c))
            }
        }
        if escaped { pieces.append(.literal("~")) }
        self.pieces = pieces
    }

    /// True when the pattern is just `*`.
    var isAnyText: Bool { pieces == [.any] }

    /// Whether the whole text matches.
    func matches(_ text: String) -> Bool {
        let t = Array(text.lowercased())
        // Iterative matcher with backtracking to the last `*`.
        var i = 0, p = 0, starP = -1, starI = 0
        while i < t.count {
            if p < pieces.count {
                switch pieces[p] {
                case .literal(let c) where c == t[i]: i += 1; p += 1; continue
                case .one: i += 1; p += 1; continue
                case .any: starP = p; starI = i; p += 1; continue
                default: break
                }
            }
            if starP >= 0 { p = starP + 1; starI += 1; i = starI; continue }
            return false
        }
        while p < pieces.count, pieces[p] == .any { p += 1 }
        return p == pieces.count
    }
}
