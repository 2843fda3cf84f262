/// Element-by-element operations over vectors: the generic path and the numeric fast path.
enum Elementwise {
    /// The level of a node combining `nodes` element by element.
    static func level(_ nodes: [Node]) -> Level { nodes.map(\.level).max() ?? .constant }

    /// A node applying `f` to the arguments' values element by element (constant-folded when possible).
    static func map(_ nodes: [Node], type: FormulaType, span: Span, compiler: Compiler,
                    _ f: @escaping @Sendable ([FormulaValue]) -> FormulaValue) -> Node {
        let level = level(nodes)
        let runs = nodes.map(\.run)
        let node = Node(type: type, level: level, span: span, run: { ctx in
            let vectors = runs.map { $0(ctx) }
            let n = ctx.count(level)
            var buffer = [FormulaValue](repeating: .blank, count: vectors.count)
            if vectors.allSatisfy(\.isScalar) {
                for (k, v) in vectors.enumerated() { buffer[k] = v.value(0) }
                return .scalar(f(buffer), count: n)
            }
            var builder = VectorBuilder(type: type, count: n)
            for i in 0..<n {
                for k in 0..<vectors.count { buffer[k] = vectors[k].value(i) }
                builder.append(f(buffer))
            }
            return builder.build()
        })
        return compiler.folded(node)
    }

    /// A node applying a numeric function to one numeric argument, with a fast path for plain numbers.
    static func mapNumber(_ node: Node, type: FormulaType = .number, span: Span, compiler: Compiler,
                          _ f: @escaping @Sendable (Double) -> FormulaValue) -> Node {
        let run = node.run
        let level = node.level
        let result = Node(type: type, level: level, span: span, run: { ctx in
            let v = run(ctx)
            let n = ctx.count(level)
            if case .numbers(let xs, _) = v.payload, !v.status.mayHaveGaps {
                var out = [Double](repeating: 0, count: n)
                var codes: [UInt8]?
                for i in 0..<n {
                    switch f(xs[i]) {
                    case .number(let r), .date(let r): out[i] = r
                    case .error(let e):
                        if codes == nil { codes = [UInt8](repeating: 0, count: n) }
                        codes?[i] = e.statusCode
                    default:
                        if codes == nil { codes = [UInt8](repeating: 0, count: n) }
                        codes?[i] = FormulaError.value.statusCode
                    }
                }
                return Vector(payload: .numbers(out, isDate: type == .date), status: codes.map { .codes($0) } ?? .allValid, count: n)
            }
            if v.isScalar { return .scalar(apply(v.value(0), f).typed(type), count: n) }
            var builder = VectorBuilder(type: type, count: n)
            for i in 0..<n { builder.append(apply(v.value(i), f)) }
            return builder.build()
        })
        return compiler.folded(result)
    }

    /// Applies a numeric function to a value after Excel's coercion (errors pass through).
    static func apply(_ value: FormulaValue, _ f: (Double) -> FormulaValue) -> FormulaValue {
        switch Coercion.arithmetic(value) {
        case .success(let x): return f(x)
        case .failure(let e): return .error(e)
        }
    }

    /// A number result, or #NUM! when it is not finite (Excel has no infinities or NaN).
    @inline(__always) static func finite(_ x: Double) -> FormulaValue { x.isFinite ? .number(x) : .error(.num) }
}
