/// Keys of one section under `sections:`.
enum SectionKeys {
    static let title = Field("title", .text, required: true, "The section heading.")
    static let id = Field("id", .identifier, default: "made from the title", "The id used by `evidenced_by`.")
    static let blocks = Field(
        "blocks", .list(.tagged(BlockKeys.tagged)), required: true, "The section's content; each block has a `type`.")

    static let schema = ObjectSchema("section", "A titled section holding blocks.", [title, id, blocks])
}

/// Keys of blocks: those every block has, and those of each `type`.
enum BlockKeys {
    // Shared by all blocks.
    static let type = Field("type", .text, required: true, "The kind of block.")
    static let id = Field(
        "id", .identifier, "The block's id: names a chart's image file and is used by `evidenced_by`.")
    static let title = Field("title", .text, "A heading above the block.")
    static let subtitle = Field("subtitle", .text, "A line under the title.")
    static let caption = Field("caption", .text, "A caption below the block.")
    static let width = Field("width", .integer(1...12), default: "12", "Grid columns the block spans, 1–12.")

    // Type-specific.
    static let text = Field("text", .text, required: true, "Text with **bold**, *italic* and {{ kpi.phase | filter }} values.")
    static let kpis = Field("kpis", .list(.identifier), required: true, "KPI ids, in display order.")
    static let phases = Field("phases", .list(.identifier), default: "every phase", "Phase ids to show, in order.")
    static let kpi = Field("kpi", .identifier, required: true, "The KPI id.")
    static let optionalKPI = Field("kpi", .identifier, "The KPI id (give either kpi or column).")
    static let period = Field(
        "period", .choice(TimeBucket.allCases.map(\.rawValue)), default: "the KPI's period", "day, week, month or quarter.")
    static let showTarget = Field("show_target", .boolean, default: "true", "Draw the KPI's target as a line.")
    static let chart = Field(
        "chart", .choice(ControlChartType.allCases.map(\.rawValue)), required: true,
        "The control chart type: xmr, xbar_r, xbar_s, p, np, c, u, p_prime, u_prime, g or t.")
    static let controlRules = Field(
        "rules", .choice(ControlRules.allCases.map(\.rawValue)), default: "nhs",
        "Special-cause rules: nhs, western-electric or nelson.")
    static let limits = Field(
        "limits", .choice(LimitMode.allCases.map(\.rawValue)), default: "recalculate",
        "recalculate limits per phase, or freeze them at the baseline.")
    static let showZones = Field("show_zones", .boolean, default: "false", "Shade the 1σ and 2σ zones.")
    static let runRules = Field("rules", .choice(RunRules.allCases.map(\.rawValue)), default: "anhoej", "Run rules: anhoej.")
    static let dataset = Field("dataset", .identifier, "The dataset (optional with one dataset).")
    static let category = Field("category", .name, required: true, "The category column.")
    static let weight = Field("weight", .name, "A numeric column to sum instead of counting rows.")
    static let threshold = Field(
        "threshold", .numberOrPercent, default: "80%", "The cumulative share marking the vital few.")
    static let top = Field("top", .integer(1...100), "Show at most this many categories; the rest become Other.")
    static let phase = Field("phase", .identifier, default: "all phases", "Count only the rows of this phase.")
    static let column = Field("column", .name, required: true, "The column.")
    static let optionalColumn = Field("column", .name, "The column (give either kpi or column).")
    static let distributionKind = Field(
        "kind", .choice(DistributionKind.allCases.map(\.rawValue)), default: "histogram", "histogram or boxplot.")
    static let byPhase = Field("by_phase", .boolean, default: "true", "One distribution per phase.")
    static let scale = Field("scale", .integer(3...11), default: "5", "Number of answer points.")
    static let labels = Field("labels", .list(.text), "A label per answer point, lowest first.")
    static let waves = Field("waves", .name, required: true, "The column naming the survey wave.")
    static let dimension = Field("dimension", .name, default: "dimension", "The column naming the SERVQUAL dimension.")
    static let by = Field("by", .name, required: true, "The column splitting the data into panels.")
    static let limit = Field("limit", .integer(1...1000), "Show at most this many.")
    static let columns = Field("columns", .list(.name), required: true, "The columns shown, in order.")
    static let sort = Field("sort", .list(.name), "Sort columns, most significant first; prefix with - for descending.")
    static let formats = Field(
        "formats", .dictionary(.choice(KPIFormat.allCases.map(\.rawValue)), keys: .anyName), "Display format per column.")
    static let filter = Field("filter", .formula, "A row formula choosing the rows.")
    static let quoteText = Field("text", .name, required: true, "The column holding the comment text.")

    private static let common = [type, id, title, subtitle, caption, width]

    private static func variant(_ tag: String, _ summary: String, _ fields: [Field]) -> (tag: String, schema: ObjectSchema) {
        (tag, ObjectSchema("block.\(tag)", summary, common + fields))
    }

    static let tagged = TaggedSchema(
        discriminator: "type",
        variants: [
            variant("text", "Paragraphs with KPI values filled in.", [text]),
            variant("kpi_tiles", "A tile per KPI: latest value, change and target.", [kpis]),
            variant("variance_table", "A table of KPIs by phase with changes, intervals and tests.", [kpis, phases]),
            variant("prepost_chart", "Bars per phase with confidence intervals.", [kpis, phases]),
            variant("trend_chart", "A KPI over time with phase boundaries.", [kpi, period, showTarget]),
            variant(
                "control_chart", "A statistical process control chart.", [kpi, chart, period, controlRules, limits, showZones]),
            variant("run_chart", "A run chart around the median.", [kpi, period, runRules]),
            variant("pareto", "A Pareto chart of a category column.", [dataset, category, weight, threshold, top, phase]),
            variant(
                "distribution", "A histogram or box plot of a KPI's row values or a column.",
                [optionalKPI, optionalColumn, dataset, distributionKind, byPhase]),
            variant("likert", "A diverging bar of Likert answers.", [dataset, column, scale, labels]),
            variant("servqual_gap", "SERVQUAL gaps by dimension and wave.", [dataset, waves, dimension]),
            variant("small_multiples", "A grid of small trends, one per value of a column.", [kpi, by, period, limit]),
            variant("table", "Rows of a dataset.", [dataset, columns, sort, limit, formats, filter]),
            variant("quotes", "Verbatim customer comments.", [dataset, quoteText, filter, limit]),
            variant("findings", "Plain-English findings per KPI.", [kpis]),
            ("page_break", ObjectSchema("block.page_break", "Starts a new page.", [type, id])),
        ])
}
