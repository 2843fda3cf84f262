import TallyCore
import TallyFormula
import TallySpec

/// Parameter values for formulas and text: the spec stage resolves defaults and `--param` overrides
/// (with its located messages); this only turns them into formula values.
enum ParameterResolver {
    /// Parameter values usable in formulas and text, by name.
    static func resolve(_ spec: Spec, overrides: [String: String], diagnostics: inout [Diagnostic]) -> [String: FormulaValue] {
        let (values, problems) = spec.parameterValues(overrides: overrides)
        diagnostics += problems
        return values.mapValues { value in
            switch value {
            case .text(let text): return .text(text)
            case .number(let number): return .number(number)
            case .date(let date): return .date(ExcelDate.serial(date))
            case .boolean(let flag): return .boolean(flag)
            }
        }
    }
}
