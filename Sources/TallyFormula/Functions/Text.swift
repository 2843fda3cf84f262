/// LEFT, RIGHT, MID, LEN, LOWER, UPPER, TRIM, CONCAT, FIND, SEARCH, TEXT, EXACT, SUBSTITUTE.
enum TextFunctions {
    static let specs: [FunctionSpec] = [
        text("LEFT", 1, 2, "LEFT(text, [num_chars])", type: .text) { s, a in
            guard let n = count(a.first ?? .number(1)) else { return .error(.value) }
            return .text(String(s.prefix(n)))
        },
        text("RIGHT", 1, 2, "RIGHT(text, [num_chars])", type: .text) { s, a in
            guard let n = count(a.first ?? .number(1)) else { return .error(.value) }
            return .text(String(s.suffix(n)))
        },
        text("MID", 3, 3, "MID(text, start_num, num_chars)", type: .text) { s, a in
            guard case .success(let start) = Coercion.arithmetic(a[0]), start >= 1, let n = count(a[1]) else {
                return .error(a[0].error ?? a[1].error ?? .value)
            }
            let characters = Array(s)
            // A start past the text (however large) gives "", as in Excel.
            guard start < Double(characters.count) + 1 else { return .text("") }
            let from = Int(start.rounded(.towardZero)) - 1
            return .text(String(characters[from..<min(characters.count, from + n)]))
        },
        text("LEN", 1, 1, "LEN(text)", type: .number) { s, _ in .number(Double(s.count)) },
        text("LOWER", 1, 1, "LOWER(text)", type: .text) { s, _ in .text(s.lowercased()) },
        text("UPPER", 1, 1, "UPPER(text)", type: .text) { s, _ in .text(s.uppercased()) },
        text("TRIM", 1, 1, "TRIM(text)", type: .text) { s, _ in
            .text(s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
        },
        FunctionSpec(name: "CONCAT", minArguments: 1, maxArguments: 255, usage: "CONCAT(text1, text2, …)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .text, span: call.span, compiler: c) { values in
                var out = ""
                for v in values {
                    switch Coercion.text(v) {
                    case .success(let s): out += s
                    case .failure(let e): return .error(e)
                    }
                }
                return .text(out)
            }
        },
        text("FIND", 2, 3, "FIND(find_text, within_text, [start_num])", type: .number) { needle, a in
            find(needle, a, caseSensitive: true)
        },
        text("SEARCH", 2, 3, "SEARCH(find_text, within_text, [start_num])", type: .number) { needle, a in
            find(needle, a, caseSensitive: false)
        },
        text("EXACT", 2, 2, "EXACT(text1, text2)", type: .boolean) { s, a in
            guard case .success(let t) = Coercion.text(a[0]) else { return .error(a[0].error ?? .value) }
            return .boolean(s == t)
        },
        text("SUBSTITUTE", 3, 3, "SUBSTITUTE(text, old_text, new_text)", type: .text) { s, a in
            guard case .success(let old) = Coercion.text(a[0]), case .success(let new) = Coercion.text(a[1]) else {
                return .error(a[0].error ?? a[1].error ?? .value)
            }
            guard !old.isEmpty else { return .text(s) }
            return .text(s.split(separator: Substring(old), omittingEmptySubsequences: false).joined(separator: new))
        },
        FunctionSpec(name: "TEXT", minArguments: 2, maxArguments: 2, usage: "TEXT(value, format_text)") { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            return Elementwise.map(args, type: .text, span: call.span, compiler: c) { v in
                guard case .success(let format) = Coercion.text(v[1]) else { return .error(v[1].error ?? .value) }
                return TextFormat.format(v[0], format)
            }
        },
    ]

    /// A non-negative character count argument, or nil for #VALUE!.
    static func count(_ value: FormulaValue) -> Int? {
        guard case .success(let x) = Coercion.arithmetic(value), x >= 0, x < 1e9 else { return nil }
        return Int(x.rounded(.towardZero))
    }

    /// FIND / SEARCH: 1-based position of `needle` in the second argument at or after start; #VALUE! when absent.
    static func find(_ needle: String, _ a: [FormulaValue], caseSensitive: Bool) -> FormulaValue {
        guard case .success(let haystack) = Coercion.text(a[0]) else { return .error(a[0].error ?? .value) }
        var start = 1
        if a.count > 1 {
            guard case .success(let s) = Coercion.arithmetic(a[1]) else { return .error(a[1].error ?? .value) }
            // Starts beyond ±2⁵³ are past any text: #VALUE!, like any start after the end.
            guard let whole = Int(rounding: s, .towardZero) else { return .error(.value) }
            start = whole
        }
        let h = Array(caseSensitive ? haystack : haystack.lowercased())
        guard start >= 1, start <= h.count + 1 else { return .error(.value) }
        if caseSensitive {
            let n = Array(needle)
            if n.isEmpty { return .number(Double(start)) }
            guard n.count <= h.count else { return .error(.value) }
            var i = start - 1
            while i + n.count <= h.count {
                if Array(h[i..<(i + n.count)]) == n { return .number(Double(i + 1)) }
                i += 1
            }
            return .error(.value)
        }
        // SEARCH supports wildcards: find the first start position where the pattern matches a prefix.
        let pattern = WildcardPattern(needle + "*")
        for i in (start - 1)...h.count {
            if i < h.count || needle.isEmpty, pattern.matches(String(h[i...])) { return .number(Double(i + 1)) }
        }
        return .error(.value)
    }

    /// A function whose first argument is text (numbers and logicals are converted, as Excel does).
    static func text(_ name: String, _ minimum: Int, _ maximum: Int, _ usage: String, type: FormulaType,
                     _ f: @escaping @Sendable (String, [FormulaValue]) -> FormulaValue) -> FunctionSpec {
        FunctionSpec(name: name, minArguments: minimum, maxArguments: maximum, usage: usage) { call, c in
            guard let args = c.compileAll(call.arguments, scope: call.scope) else { return nil }
            let firstText = name == "FIND" || name == "SEARCH"
            return Elementwise.map(args, type: type, span: call.span, compiler: c) { v in
                switch Coercion.text(v[0]) {
                case .failure(let e): return .error(e)
                case .success(let s):
                    let rest = Array(v.dropFirst())
                    if let e = rest.lazy.compactMap(\.error).first, !firstText || rest.first?.error != nil { return .error(e) }
                    return f(s, rest)
                }
            }
        }
    }
}
