import Testing
import TallyCore
import TallyData
@testable import TallyFormula

/// The branch-free elementwise kernels (`Operators.kernelArithmetic`, `LogicalFunctions.fastNumericIf`) must give
/// the same value and status for every element as the general per-value paths, on random data with blanks, errors,
/// "", omitted FALSE, ±0, zeros to divide by and values that overflow.
@Suite struct ElementwiseKernelTests {
    typealias Random = FastPathTests.Random

    /// A number vector from FastPathTests with a few huge values (overflow) and more zeros (division).
    static func operand(_ n: Int, _ r: inout Random) -> Vector {
        var v = FastPathTests.vector(n, &r)
        if case .numbers(var xs, let isDate) = v.payload {
            for _ in 0..<(n / 20) { xs[r.below(n)] = r.below(2) == 0 ? 1e308 : 0 }
            v.payload = .numbers(xs, isDate: isDate)
        }
        return v
    }

    /// An element with its number's exact bits.
    static func bits(_ v: FormulaValue) -> String {
        switch v {
        case .number(let x): return "n\(x.bitPattern)"
        case .date(let x): return "d\(x.bitPattern)"
        default: return v.description
        }
    }

    /// Element `i` of a result as `bits` gives it, with an omitted IF's FALSE (status code 8) told apart from a FALSE.
    static func element(_ v: Vector, _ i: Int) -> String {
        if !v.isScalar && v.status.code(i) == statusOmittedFalse { return "omitted" }
        return bits(v.value(v.isScalar ? 0 : i))
    }

    /// IF's rule for one element: the condition as a logical; the chosen branch's element unchanged ("", an inner
    /// IF's omitted FALSE and errors included) except that a blank gives 0; no else branch gives the omitted FALSE.
    static func expectedIf(_ condition: Vector, _ then: Vector, _ otherwise: Vector?, _ i: Int) -> String {
        switch Coercion.logical(condition.value(i)) {
        case .failure(let err): return bits(.error(err))
        case .success(let yes):
            guard let branch = yes ? then : otherwise else { return "omitted" }
            if case .blank = branch.value(branch.isScalar ? 0 : i) { return bits(.number(0)) }
            return element(branch, i)
        }
    }

    @Test func arithmeticKernelMatchesPerValueCombine() {
        var r = Random(state: 0xA5A5_0101_C3C3_7E7E)
        let kinds: [(Operators.ArithmeticKind, @Sendable (Double, Double) -> FormulaValue)] = [
            (.add, { Elementwise.finite($0 + $1) }), (.subtract, { Elementwise.finite($0 - $1) }),
            (.multiply, { Elementwise.finite($0 * $1) }),
            (.divide, { $1 == 0 ? .error(.divisionByZero) : Elementwise.finite($0 / $1) }),
        ]
        for _ in 0..<6 {
            let n = 200 + r.below(800)
            let a = Self.operand(n, &r), b = Self.operand(n, &r)
            let scalars: [Vector] = [.scalar(.number(2.5), count: n), .scalar(.number(0), count: n), .scalar(.blank, count: n),
                                     .scalar(.number(-0.0), count: n)]
            let pairs = [(a, b), (a, scalars[r.below(4)]), (scalars[r.below(4)], b)]
            for (kind, f) in kinds {
                for (x, y) in pairs {
                    guard let fast = Operators.kernelArithmetic(kind, x, y, n: n, isDate: false) else {
                        Issue.record("kernel declined \(kind)")
                        continue
                    }
                    let expected = (0..<n).map { Self.bits(Operators.combine(x.value(x.isScalar ? 0 : $0), y.value(y.isScalar ? 0 : $0), f)) }
                    #expect((0..<n).map { Self.bits(fast.value($0)) } == expected, "\(kind)")
                }
            }
        }
    }

    @Test func numericIfMatchesPerValueChoice() {
        var r = Random(state: 0x0BAD_CAFE_D00D_F00D)
        for trial in 0..<8 {
            let n = 200 + r.below(800)
            var codes = [UInt8](repeating: 0, count: n)
            for i in 0..<n where r.below(4) == 0 { codes[i] = [statusBlank, 2, 5, statusEmptyText, statusOmittedFalse][r.below(5)] }
            let condition = trial % 2 == 0
                ? Vector(payload: .booleans((0..<n).map { _ in r.below(2) == 0 }), status: .codes(codes), count: n)
                : Vector(payload: .numbers((0..<n).map { _ in Double(r.below(3)) - 1 }, isDate: false), status: .codes(codes), count: n)
            // Branches hold values, blanks, errors, "" and inner IFs' omitted FALSE.
            let then = Self.operand(n, &r)
            let elses: [Vector?] = [Self.operand(n, &r), nil, .scalar(.text(""), count: n), .scalar(.blank, count: n),
                                    .scalar(.number(-0.0), count: n), .scalar(.error(.notAvailable), count: n)]
            for otherwise in elses {
                for (t, e) in [(then, otherwise), (otherwise ?? then, then)] {
                    let expected = (0..<n).map { Self.expectedIf(condition, t, e, $0) }
                    // Both IF paths, under the static types such branches can have: the result never depends on
                    // which one runs.
                    for type in [FormulaType.number, .any] {
                        guard let fast = LogicalFunctions.fastNumericIf(condition, t, e, n: n, type: type) else {
                            Issue.record("kernel declined")
                            continue
                        }
                        let general = LogicalFunctions.generalIf(condition, t, e, n: n, type: type)
                        #expect((0..<n).map { Self.element(fast, $0) } == expected, "trial \(trial) \(type)")
                        #expect((0..<n).map { Self.element(general, $0) } == expected, "trial \(trial) \(type)")
                    }
                }
            }
            // Every status in the branches, against the per-row rule the kernel had before it was made branch-free.
            let rawThen = Self.operand(n, &r), rawElse = Self.operand(n, &r)
            for otherwise in [rawElse, nil] as [Vector?] {
                guard let fast = LogicalFunctions.fastNumericIf(condition, rawThen, otherwise, n: n, type: .number),
                      let a = LogicalFunctions.NumericBranch(rawThen), let b = LogicalFunctions.NumericBranch(otherwise),
                      case .numbers(let xs, _) = fast.payload else {
                    Issue.record("kernel declined")
                    continue
                }
                let fastCodes = fast.status.materialized(n) ?? [UInt8](repeating: 0, count: n)
                for i in 0..<n {
                    let c = codes[i]
                    let truth: Bool
                    switch condition.payload {
                    case .booleans(let bs): truth = bs[i]
                    case .numbers(let v, _): truth = v[i] != 0
                    default: truth = false
                    }
                    let expected: (Double, UInt8)
                    if Aggregation.isError(c) { expected = (0, c) } else if c == statusEmptyText {
                        expected = (0, FormulaError.value.statusCode)
                    } else if c == 0 && truth { expected = a.value(i) } else { expected = b.value(i) }
                    #expect(xs[i].bitPattern == expected.0.bitPattern && fastCodes[i] == expected.1, "row \(i)")
                }
            }
        }
    }

    /// The kernel's result holds dates exactly when the general builder's would: an untyped IF whose chosen values are
    /// all dates (`IF(ISBLANK(d), "", d)`) keeps them, one plain number (or a blank's 0) among them makes numbers.
    @Test func numericIfKeepsDatesLikeGeneralPath() {
        var r = Random(state: 0xD47E_5EED_0F0F_1234)
        for trial in 0..<6 {
            let n = 100 + r.below(400)
            var codes = [UInt8](repeating: 0, count: n)
            for i in 0..<n where r.below(4) == 0 { codes[i] = [statusBlank, 2, statusEmptyText, statusOmittedFalse][r.below(4)] }
            let condition = Vector(payload: .booleans((0..<n).map { _ in r.below(2) == 0 }), status: .codes(codes), count: n)
            var dates = Self.operand(n, &r)
            if case .numbers(let xs, _) = dates.payload { dates.payload = .numbers(xs, isDate: true) }
            // Without blanks, so that the only plain numbers come from the other branch.
            var solidDates = dates
            if case .codes(let c) = dates.status { solidDates.status = .codes(c.map { $0 == statusBlank ? statusValue : $0 }) }
            let others: [Vector?] = [nil, .scalar(.text(""), count: n), .scalar(.date(46_000), count: n), .scalar(.blank, count: n),
                                     .scalar(.number(3), count: n), .scalar(.error(.value), count: n), Self.operand(n, &r), dates]
            for then in [dates, solidDates] {
                for otherwise in others {
                    for (t, e) in [(then, otherwise), (otherwise ?? then, then)] {
                        for type in [FormulaType.any, .date, .number] {
                            guard let fast = LogicalFunctions.fastNumericIf(condition, t, e, n: n, type: type) else {
                                Issue.record("kernel declined")
                                continue
                            }
                            let general = LogicalFunctions.generalIf(condition, t, e, n: n, type: type)
                            #expect((0..<n).map { Self.element(fast, $0) } == (0..<n).map { Self.element(general, $0) },
                                    "trial \(trial) \(type)")
                        }
                    }
                }
            }
        }
    }
}
