/// Keys of `phases:`.
enum PhaseKeys {
    static let dataset = Field("dataset", .identifier, "The dataset whose time column places rows (optional with one dataset).")
    static let time = Field(
        "time", .oneOf([.name, .dictionary(.name, keys: .identifier)]), required: true,
        "The date or datetime column that places rows in phases; with several datasets, a mapping dataset → column.")
    static let periods = Field(
        "periods", .list(.object(PeriodKeys.schema)), required: true, "The phases in order; the first is the baseline.")
    static let exclude = Field(
        "exclude", .list(.object(ExclusionKeys.schema)), "Date ranges left out of every phase, each with a reason.")

    static let schema = ObjectSchema("phases", "How rows are placed into phases.", [dataset, time, periods, exclude])
}

/// Keys of one period under `phases: periods:`.
enum PeriodKeys {
    static let id = Field("id", .identifier, required: true, "The id used in templates, e.g. {{ fcr.baseline }}.")
    static let label = Field("label", .text, default: "the id", "The label shown in charts and tables.")
    static let from = Field("from", .date, "The first day (YYYY-MM-DD).")
    static let to = Field("to", .date, default: "the as-of date", "The last day, included (optional on the last phase).")
    static let last = Field("last", .span, "Instead of from/to: the last N days, weeks, months or quarters up to the as-of date.")
    static let change = Field("change", .object(ChangeKeys.schema), "The change introduced at the start of this phase.")

    static let schema = ObjectSchema("period", "One phase: an id, a label and dates.", [id, label, from, to, last, change])
}

/// Keys of `change:`.
enum ChangeKeys {
    static let label = Field("label", .text, required: true, "A short label on the chart marker.")
    static let reason = Field("reason", .text, "Why the change was made.")

    static let schema = ObjectSchema("change", "A change annotated at the start of a phase.", [label, reason])
}

/// Keys of one range under `phases: exclude:`.
enum ExclusionKeys {
    static let from = Field("from", .date, required: true, "The first excluded day.")
    static let to = Field("to", .date, required: true, "The last excluded day.")
    static let reason = Field("reason", .text, required: true, "Why the days are excluded (shown in the report).")

    static let schema = ObjectSchema("exclusion", "A date range excluded from every phase.", [from, to, reason])
}
