import TallyData

/// How the statistics stage treats a KPI (which CI and test fit it).
public enum KPIKind: String, Sendable, Codable {
    /// A share of rows (Wilson CI, two-proportion test).
    case proportion
    /// A mean of a numeric column (t CI, Welch test).
    case mean
    /// A median (bootstrap or order-statistic CI, Mann–Whitney).
    case median
    /// Net Promoter Score: promoters − detractors on a 0–10 scale, ×100 (multinomial CI).
    case nps
    /// Events per fixed number of rows (Poisson CI).
    case rate
    /// Anything else (quantiles, differences): bootstrap.
    case other
}

/// How a KPI's value is displayed.
public enum KPIUnit: String, Sendable, Codable {
    /// A fraction shown as a percentage.
    case percent
    /// A plain number.
    case number
    /// A duration in days (Excel's convention), shown as h:mm or minutes.
    case duration
    /// A score on the measure's own scale (NPS −100…100, CES 1–7, …).
    case score
}

/// Which direction is an improvement.
public enum KPIDirection: String, Sendable, Codable {
    case higher, lower
}

/// A column a library KPI reads, under a role name, with the column name it expects by default.
public struct KPIColumnRole: Sendable, Codable, Hashable {
    /// The placeholder in the template, e.g. `csat`.
    public let role: String
    /// The column name used when the spec does not map the role.
    public let defaultColumn: String
    /// The column types that make sense.
    public let types: [ColumnType]
    /// What the column holds.
    public let description: String
}

/// A parameter of a library KPI with its default.
public struct KPIParameter: Sendable, Codable, Hashable {
    /// The placeholder in the template, e.g. `top_box_min`.
    public let name: String
    /// The value used when the spec does not set it.
    public let defaultValue: FormulaValue
    /// What it controls.
    public let description: String
}

/// One built-in KPI: documented formula template, columns, parameters and how to show and test it.
public struct KPIDefinition: Sendable, Codable, Hashable {
    /// Identifier used in specs (`kpi: csat`).
    public let id: String
    /// Short label for tables and charts.
    public let label: String
    /// One-paragraph explanation for the report's method appendix.
    public let description: String
    /// The formula with `{role}` and `{parameter}` placeholders.
    public let template: String
    /// Columns it reads.
    public let columns: [KPIColumnRole]
    /// Parameters it takes.
    public let parameters: [KPIParameter]
    /// Statistical kind.
    public let kind: KPIKind
    /// Display unit.
    public let unit: KPIUnit
    /// Improvement direction.
    public let better: KPIDirection

    /// The formula with columns mapped (role → column name; unmapped roles use defaults) and parameters
    /// substituted as literals (unset ones use defaults). Column names that need it are written `[Name]`.
    public func formula(columns mapping: [String: String] = [:], parameters values: [String: FormulaValue] = [:]) -> String {
        var text = template
        for role in columns {
            let name = mapping[role.role] ?? role.defaultColumn
            text = text.replacingOccurrences("{\(role.role)}", with: KPILibrary.spell(column: name))
        }
        for parameter in parameters {
            let value = values[parameter.name] ?? parameter.defaultValue
            text = text.replacingOccurrences("{\(parameter.name)}", with: KPILibrary.literal(value))
        }
        return text
    }
}

/// The built-in KPIs of customer-service evaluations, usable by id.
public enum KPILibrary {
    /// Every definition, in documentation order.
    public static let all: [KPIDefinition] = [
        KPIDefinition(
            id: "csat", label: "CSAT",
            description: "Customer satisfaction: share of rated contacts in the top boxes (top-2-box on a 5-point scale: 4 or 5). Unrated contacts are left out.",
            template: "=COUNTIF({csat},\">=\"&{top_box_min})/COUNT({csat})",
            columns: [role("csat", "csat", [.integer, .decimal], "satisfaction rating, e.g. 1–5")],
            parameters: [KPIParameter(name: "top_box_min", defaultValue: .number(4),
                                      description: "lowest rating counted as satisfied (4 on a 1–5 scale, 6 on 1–7, 9 on 1–10)")],
            kind: .proportion, unit: .percent, better: .higher),
        KPIDefinition(
            id: "nps", label: "NPS",
            description: "Net Promoter Score: % promoters (9–10) minus % detractors (0–6) among answers to the 0–10 recommendation question, from −100 to 100.",
            template: "=(COUNTIF({nps},\">=\"&{promoter_min})-COUNTIF({nps},\"<=\"&{detractor_max}))/COUNT({nps})*100",
            columns: [role("nps", "nps", [.integer, .decimal], "likelihood to recommend, 0–10")],
            parameters: [KPIParameter(name: "promoter_min", defaultValue: .number(9), description: "lowest promoter score"),
                         KPIParameter(name: "detractor_max", defaultValue: .number(6), description: "highest detractor score")],
            kind: .nps, unit: .score, better: .higher),
        KPIDefinition(
            id: "ces", label: "CES",
            description: "Customer Effort Score: mean answer to \"the company made it easy to handle my issue\" (CES 2.0, 1–7 agreement; higher is easier).",
            template: "=AVERAGE({ces})",
            columns: [role("ces", "ces", [.integer, .decimal], "effort rating, e.g. 1–7")], parameters: [],
            kind: .mean, unit: .score, better: .higher),
        KPIDefinition(
            id: "fcr", label: "FCR",
            description: "First-contact resolution: share of contacts resolved without a follow-up, among contacts where it is recorded.",
            template: "=COUNTIF({fcr},TRUE)/COUNTA({fcr})",
            columns: [role("fcr", "fcr", [.boolean], "resolved at first contact (Y/N)")], parameters: [],
            kind: .proportion, unit: .percent, better: .higher),
        KPIDefinition(
            id: "sla", label: "SLA compliance",
            description: "Share of contacts answered or resolved within the service-level threshold (hours).",
            template: "=COUNTIF({response_time},\"<=\"&({sla_hours}/24))/COUNT({response_time})",
            columns: [role("response_time", "response_time", [.duration], "time to respond or resolve (duration)")],
            parameters: [KPIParameter(name: "sla_hours", defaultValue: .number(24), description: "threshold in hours")],
            kind: .proportion, unit: .percent, better: .higher),
        KPIDefinition(
            id: "aht", label: "Mean handle time",
            description: "Mean handle time (talk + hold + wrap-up) of contacts; a duration (days in formulas, shown as h:mm:ss).",
            template: "=AVERAGE({handle_time})",
            columns: [role("handle_time", "handle_time", [.duration], "handle time per contact")], parameters: [],
            kind: .mean, unit: .duration, better: .lower),
        KPIDefinition(
            id: "median_handle_time", label: "Median handle time",
            description: "Median handle time; robust to a few very long contacts.",
            template: "=MEDIAN({handle_time})",
            columns: [role("handle_time", "handle_time", [.duration], "handle time per contact")], parameters: [],
            kind: .median, unit: .duration, better: .lower),
        KPIDefinition(
            id: "resolution_time_median", label: "Median resolution time",
            description: "Median time from opening to closing a case, over closed cases.",
            template: "=MEDIAN({resolution_time})",
            columns: [role("resolution_time", "resolution_time", [.duration], "time from opened to closed")], parameters: [],
            kind: .median, unit: .duration, better: .lower),
        KPIDefinition(
            id: "resolution_time_p90", label: "Resolution time (90th percentile)",
            description: "90th percentile of resolution time (PERCENTILE.INC): nine in ten cases close faster.",
            template: "=PERCENTILE.INC({resolution_time},{percentile})",
            columns: [role("resolution_time", "resolution_time", [.duration], "time from opened to closed")],
            parameters: [KPIParameter(name: "percentile", defaultValue: .number(0.9), description: "the quantile, 0–1")],
            kind: .other, unit: .duration, better: .lower),
        KPIDefinition(
            id: "complaints_per_1000", label: "Complaints per 1,000 contacts",
            description: "Complaints per 1,000 contacts: contacts flagged as complaints divided by all contacts, ×1,000.",
            template: "=COUNTIF({complaint},TRUE)/COUNTA({contact_id})*1000",
            columns: [role("complaint", "complaint", [.boolean], "the contact is a complaint (Y/N)"),
                      role("contact_id", "contact_id", [.text, .category, .integer], "contact identifier (present on every row)")],
            parameters: [], kind: .rate, unit: .number, better: .lower),
        KPIDefinition(
            id: "repeat_contact_rate", label: "Repeat-contact rate",
            description: "Share of contacts followed by another contact from the same customer about the same issue within the repeat window.",
            template: "=COUNTIF({repeat_contact},TRUE)/COUNTA({repeat_contact})",
            columns: [role("repeat_contact", "repeat_contact", [.boolean], "a repeat contact followed (Y/N)")], parameters: [],
            kind: .proportion, unit: .percent, better: .lower),
        KPIDefinition(
            id: "abandonment_rate", label: "Abandonment rate",
            description: "Share of offered calls or chats the customer abandoned before an agent answered.",
            template: "=COUNTIF({abandoned},TRUE)/COUNTA({abandoned})",
            columns: [role("abandoned", "abandoned", [.boolean], "the contact was abandoned (Y/N)")], parameters: [],
            kind: .proportion, unit: .percent, better: .lower),
        KPIDefinition(
            id: "mystery_shopper", label: "Mystery-shopper score",
            description: "Mean mystery-shopper checklist score per visit or call (e.g. 0–100%).",
            template: "=AVERAGE({ms_score})",
            columns: [role("ms_score", "ms_score", [.percent, .decimal, .integer], "checklist score per evaluation")], parameters: [],
            kind: .mean, unit: .score, better: .higher),
    ] + ["tangibles", "reliability", "responsiveness", "assurance", "empathy"].map(servqualGap)

    /// The SERVQUAL gap (perception − expectation) for one dimension; columns `<dimension>_p` and `<dimension>_e`.
    public static func servqualGap(_ dimension: String) -> KPIDefinition {
        KPIDefinition(
            id: "servqual_gap_\(dimension)", label: "SERVQUAL gap: \(dimension)",
            description: "SERVQUAL gap for \(dimension): mean perception minus mean expectation (negative = service falls short of expectations).",
            template: "=AVERAGE({perception})-AVERAGE({expectation})",
            columns: [role("perception", "\(dimension)_p", [.integer, .decimal], "perception score, e.g. 1–7"),
                      role("expectation", "\(dimension)_e", [.integer, .decimal], "expectation score, e.g. 1–7")],
            parameters: [], kind: .mean, unit: .score, better: .higher)
    }

    /// The definition with this id (case-insensitive), or nil.
    public static func definition(id: String) -> KPIDefinition? {
        all.first { $0.id.lowercased() == id.lowercased() }
    }

    private static func role(_ role: String, _ column: String, _ types: [ColumnType], _ description: String) -> KPIColumnRole {
        KPIColumnRole(role: role, defaultColumn: column, types: types, description: description)
    }

    /// A column name as a formula writes it.
    static func spell(column name: String) -> String {
        let simple = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !(name.first?.isNumber ?? true) && !["TRUE", "FALSE"].contains(name.uppercased())
        return simple ? name : "[\(name.replacingAll("]", with: "']"))]"
    }

    /// A value as a formula literal.
    static func literal(_ value: FormulaValue) -> String {
        switch value {
        case .number(let x): return x < 0 ? "(\(GeneralFormat.format(x)))" : NumberText.fixed(x, decimals: 15, trimZeros: true)
        case .date(let x): return NumberText.fixed(x, decimals: 15, trimZeros: true)
        case .text(let s): return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .blank: return "\"\""
        case .error(let e): return e.rawValue
        }
    }
}

extension String {
    /// Replaces every occurrence of a substring (no Foundation needed).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import TallyCore

extension KPIDefinition {
    /// Checks that every column the KPI reads exists with a fitting type, before its formula is compiled;
    /// diagnostics point at `location` (the spec's `kpi:` entry) and name the role, the column and the fix.
    public func check(schema: FormulaSchema, columns mapping: [String: String] = [:],
                      parameters values: [String: FormulaValue] = [:], at location: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in mapping.keys where !columns.contains(where: { $0.role == key }) {
            diagnostics.append(.error(.spec, "KPI `\(id)` has no column role `\(key)`", at: location,
                                      hint: "its roles are: " + columns.map(\.role).joined(separator: ", ")))
        }
        for key in values.keys where !parameters.contains(where: { $0.name == key }) {
            let known = parameters.map(\.name)
            diagnostics.append(.error(.spec, "KPI `\(id)` has no parameter `\(key)`", at: location,
                                      hint: known.isEmpty ? "it takes no parameters" : "its parameters are: " + known.joined(separator: ", ")))
        }
        for role in columns {
            let name = mapping[role.role] ?? role.defaultColumn
            guard let column = schema.column(named: name) else {
                let mapped = mapping[role.role] != nil
                diagnostics.append(.error(
                    .spec, "KPI `\(id)` needs a column for `\(role.role)` (\(role.description)); the data has no column `\(name)`",
                    at: location,
                    hint: mapped ? "check the column name in the data" : "map it: columns: { \(role.role): <your column> }"))
                continue
            }
            if !role.types.contains(column.type) {
                let expected = role.types.map(\.rawValue).joined(separator: " or ")
                diagnostics.append(.error(
                    .spec, "KPI `\(id)` expects `\(column.name)` (\(role.role)) to be \(expected), but it is \(column.type.rawValue)",
                    at: location, hint: "declare the column's type in the dataset schema, or map another column"))
            }
        }
        return diagnostics
    }
}
