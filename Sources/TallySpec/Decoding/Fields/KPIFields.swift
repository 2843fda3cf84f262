/// Keys of one KPI under `kpis:`.
enum KPIKeys {
    static let label = Field("label", .text, default: "the id", "The name shown in the report.")
    static let builtin = Field(
        "builtin", .choice(BuiltinKPI.allCases.map(\.rawValue)), "A built-in KPI by id (give either builtin or formula).")
    static let columns = Field(
        "columns", .dictionary(.name, keys: .identifier),
        "For a built-in: which column plays each role, when it is not named like the role.")
    static let options = Field(
        "options", .dictionary(.numberOrPercent, keys: .identifier),
        "For a built-in: its settings, e.g. `sla_hours: 8` for sla or `top_box_min: 4` for csat.")
    static let formula = Field("formula", .formula, "An aggregate formula (give either builtin or formula).")
    static let dataset = Field("dataset", .identifier, "The dataset it is computed over (optional with one dataset).")
    static let format = Field(
        "format", .choice(KPIFormat.allCases.map(\.rawValue)), default: "the built-in's, else number",
        "How values are shown: percent, number, integer, currency, duration or score.")
    static let decimals = Field(
        "decimals", .integer(0...6), default: "1 for percent, 0 for integer, 2 otherwise", "Decimal places shown.")
    static let better = Field(
        "better", .choice(Direction.allCases.map(\.rawValue)), default: "the built-in's", "Which direction is an improvement.")
    static let target = Field("target", .numberOrPercent, "The target, a number or a percentage like 75%.")
    static let expected = Field("expected", .numberOrPercent, "The value the project expected to reach.")
    static let method = Field(
        "method", .choice(KPIMethod.allCases.map(\.rawValue)), default: "auto",
        "The statistics used for intervals and tests: auto, proportion, mean, median, nps or rate.")
    static let period = Field(
        "period", .choice(TimeBucket.allCases.map(\.rawValue)), default: "week",
        "The default bucket for trends: day, week, month or quarter.")
    static let description = Field("description", .text, "A sentence explaining the KPI (shown in the appendix).")

    static let schema = ObjectSchema(
        "kpi", "A KPI: a built-in or a formula, with its format, direction and target.",
        [label, builtin, columns, options, formula, dataset, format, decimals, better, target, expected, method, period, description])
}
