import TallyCore
import TallyFormula
import TallySpec

/// Resolves a spec's parameters: declared defaults, overridden by `--param name=value`, type-checked.
enum ParameterResolver {
    /// Parameter values usable in formulas and text, by name.
    static func resolve(_ declared: [ParamSpec], overrides: [String: String], diagnostics: inout [Diagnostic]) -> [String: FormulaValue] {
        var values: [String: FormulaValue] = [:]
        for parameter in declared {
            if let value = parameter.defaultValue { values[parameter.name.value] = formulaValue(value) }
        }
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let parameter = declared.first(where: { $0.name.value == name }) else {
                let known = declared.map(\.name.value)
                diagnostics.append(.error(
                    .usage, "--param '\(name)' is not a parameter of this spec",
                    hint: known.isEmpty ? "this spec declares no params" : "declared params: \(known.joined(separator: ", "))"))
                continue
            }
            guard let value = parameter.type.parse(text) else {
                diagnostics.append(.error(
                    .usage, "--param \(name)=\(text): '\(text)' is not a \(parameter.type.rawValue)",
                    at: parameter.name.location, hint: example(for: parameter.type)))
                continue
            }
            values[name] = formulaValue(value)
        }
        return values
    }

    private static func formulaValue(_ value: ParamValue) -> FormulaValue {
        switch value {
        case .text(let text): return .text(text)
        case .number(let number): return .number(number)
        case .date(let date): return .date(ExcelDate.serial(date))
        case .boolean(let flag): return .boolean(flag)
        }
    }

    private static func example(for type: ParamType) -> String {
        switch type {
        case .text: return "any text"
        case .number: return "write a number such as 42 or 0.75"
        case .date: return "write a date as YYYY-MM-DD, e.g. 2026-01-05"
        case .boolean: return "write true or false"
        }
    }
}
