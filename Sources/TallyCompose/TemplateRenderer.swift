import TallyCore
import TallyEval
import TallySpec

/// Resolves `{{ kpi.phase | filter }}` placeholders against the results.
struct TemplateRenderer {
    let results: Results
    let numbers: NumberText
    let parameters: [String: String]

    /// The template with every placeholder replaced by its formatted value.
    func render(_ template: TextTemplate, diagnostics: inout [Diagnostic]) -> String {
        var text = ""
        for part in template.parts {
            switch part {
            case .literal(let literal): text += literal
            case .placeholder(let placeholder):
                if let value = resolve(placeholder) {
                    text += value
                } else {
                    diagnostics.append(.error(
                        .spec, "cannot fill \(placeholder.text): no such value", at: placeholder.location,
                        hint: "write {{ kpi.phase }} (e.g. {{ fcr.post }}), {{ kpi.change }}, {{ kpi.target }}, {{ params.name }} or {{ report.as_of }}"))
                }
            }
        }
        return text
    }

    private func resolve(_ placeholder: TemplatePlaceholder) -> String? {
        let path = placeholder.path
        guard let head = path.first else { return nil }
        if head == "params", path.count == 2 { return parameters[path[1]] }
        if head == "report", path.count == 2 {
            switch path[1] {
            case "as_of": return CivilDate(iso: Substring(results.report.asOf))?.britishShort
            case "title": return results.report.title
            default: return nil
            }
        }
        guard let kpi = results.kpi(head), path.count >= 2 else { return nil }
        let field = path[1]
        var number: Double?
        var isDifference = false
        switch field {
        case "target": number = kpi.target
        case "expected": number = kpi.expected
        case "change":
            number = kpi.comparisons.last?.difference
            isDifference = true
        default:
            guard let phase = kpi.value(in: field) else { return nil }
            if path.count == 3 && path[2] == "n" { return ValueFormatter.format(Double(phase.n), as: .integer, locale: numbers.locale) }
            guard let value = phase.value else { return phase.problem ?? "n/a" }
            number = value
        }
        guard let value = number else { return "n/a" }
        return format(value, kpi: kpi, filters: placeholder.filters, isDifference: isDifference)
    }

    private func format(_ value: Double, kpi: KPIResult, filters: [String], isDifference: Bool) -> String {
        let signed = filters.contains("signed") || isDifference
        switch filters.first(where: { $0 != "signed" }) {
        case "percent": return ValueFormatter.format(value, as: .percent, decimals: kpi.decimals, locale: numbers.locale, signed: signed)
        case "points": return ValueFormatter.points(value, decimals: kpi.decimals, locale: numbers.locale)
        case "number": return ValueFormatter.format(value, as: .number, decimals: kpi.decimals, locale: numbers.locale, signed: signed)
        case "integer": return ValueFormatter.format(value, as: .integer, locale: numbers.locale, signed: signed)
        case "currency": return ValueFormatter.format(value, as: .currency, locale: numbers.locale, signed: signed)
        default:
            if isDifference { return numbers.difference(value, of: kpi) }
            return ValueFormatter.format(value, as: kpi.format, decimals: kpi.decimals, locale: numbers.locale, signed: signed)
        }
    }
}
