/// The top-level keys of a spec file.
enum RootKeys {
    static let version = Field(
        "version", .integer(nil), required: true, "The spec format version; write `version: 1` as the first line.")
    static let report = Field("report", .object(ReportKeys.schema), required: true, "Title page and metadata.")
    static let params = Field(
        "params", .dictionary(.object(ParamKeys.schema), keys: .identifier),
        "Typed parameters, overridable with `--param name=value` and usable as `{{ params.name }}`.")
    static let data = Field(
        "data", .dictionary(.object(DatasetKeys.schema), keys: .identifier), required: true,
        "Named CSV datasets and how to read them.")
    static let phases = Field("phases", .object(PhaseKeys.schema), "How rows are placed into the baseline and later phases.")
    static let kpis = Field(
        "kpis", .dictionary(.object(KPIKeys.schema), keys: .identifier), "KPI definitions, by id.")
    static let sections = Field(
        "sections", .list(.object(SectionKeys.schema)), required: true, "The report body: titled sections of blocks.")
    static let evidence = Field("evidence", .object(EvidenceKeys.schema), "Portfolio evidence: criteria and signatures.")
    static let batch = Field("batch", .object(BatchKeys.schema), "Build one report per value of a column.")
    static let output = Field("output", .object(OutputKeys.schema), "File formats, directory, page and theme.")

    static let schema = ObjectSchema(
        "spec", "A Tally report spec: a YAML file describing one evaluation report.",
        [version, report, params, data, phases, kpis, sections, evidence, batch, output])

    /// Every mapping schema of a spec, the root first (for "this key belongs under …" hints and the docs test).
    static let allSchemas = schema.reachableSchemas
}

/// Keys of `report:`.
enum ReportKeys {
    static let title = Field("title", .text, required: true, "The report title on the cover and in the PDF metadata.")
    static let subtitle = Field("subtitle", .text, "A line under the title.")
    static let organisation = Field("organisation", .text, "The organisation the report is for or from.")
    static let author = Field("author", .text, "Who wrote the report.")
    static let asOf = Field(
        "as_of", .oneOf([.date, .choice(["latest-data"])]), default: "the build date",
        "The date the report describes: a date, or `latest-data` for the latest date in the phases' time column.")
    static let locale = Field(
        "locale", .choice(ReportLocale.allCases.map(\.rawValue)), default: "en-GB",
        "Number, date and currency conventions: `en-GB` (23 Nov 2026, £) or `en-US`.")
    static let timezone = Field(
        "timezone", .name, default: "UTC", "The IANA time zone used to place timestamps into days, e.g. Europe/London.")
    static let keywords = Field("keywords", .list(.text), "Keywords for the PDF metadata.")

    static let schema = ObjectSchema(
        "report", "Title page and metadata.", [title, subtitle, organisation, author, asOf, locale, timezone, keywords])
}

/// Keys of one parameter under `params:`.
enum ParamKeys {
    static let type = Field(
        "type", .choice(ParamType.allCases.map(\.rawValue)), required: true, "The value type: text, number, date or boolean.")
    static let defaultValue = Field(
        "default", .text, "The value used when `--param` does not set one; without it the parameter must be given.")
    static let description = Field("description", .text, "What the parameter means.")

    static let schema = ObjectSchema("param", "A typed report parameter.", [type, defaultValue, description])
}

/// Keys of `evidence:`.
enum EvidenceKeys {
    static let qualification = Field("qualification", .text, "The qualification the report is evidence for.")
    static let unit = Field("unit", .text, "The unit of the qualification.")
    static let learner = Field("learner", .text, "The learner's name.")
    static let criteria = Field(
        "criteria", .list(.object(CriterionKeys.schema)), "Assessment criteria and the sections or blocks evidencing them.")
    static let signatures = Field("signatures", .list(.object(SignatureKeys.schema)), "Signature lines printed at the end.")

    static let schema = ObjectSchema(
        "evidence", "Portfolio evidence for a qualification.", [qualification, unit, learner, criteria, signatures])
}

/// Keys of one criterion under `evidence: criteria:`.
enum CriterionKeys {
    static let id = Field("id", .name, required: true, "The criterion number, e.g. \"3.1\".")
    static let text = Field("text", .text, required: true, "The criterion text.")
    static let evidencedBy = Field(
        "evidenced_by", .list(.identifier), required: true, "Ids of the sections or blocks that evidence the criterion.")

    static let schema = ObjectSchema("criterion", "An assessment criterion.", [id, text, evidencedBy])
}

/// Keys of one signature under `evidence: signatures:`.
enum SignatureKeys {
    static let role = Field("role", .text, required: true, "The signer's role, e.g. Assessor.")
    static let name = Field("name", .text, "The signer's name, when known in advance.")

    static let schema = ObjectSchema("signature", "A signature line.", [role, name])
}

/// Keys of `batch:`.
enum BatchKeys {
    static let forEach = Field("for_each", .name, required: true, "The column whose values each get their own report.")
    static let dataset = Field("dataset", .identifier, "The dataset holding the column (optional with one dataset).")

    static let schema = ObjectSchema("batch", "One report per value of a column.", [forEach, dataset])
}

/// Keys of `output:`.
enum OutputKeys {
    static let formats = Field(
        "formats", .list(.choice(OutputFormat.allCases.map(\.rawValue))), default: "[pdf]", "Files to write: pdf (the report), png and svg (one per chart), pages (one PNG per PDF page).")
    static let directory = Field(
        "directory", .text, default: "out/<spec file name>", "Where to write, relative to the working directory.")
    static let page = Field("page", .object(PageKeys.schema), "Page size and orientation.")
    static let dpi = Field("dpi", .integer(72...600), default: "150", "Resolution of PNG output, 72–600.")
    static let theme = Field(
        "theme", .choice(Theme.allCases.map(\.rawValue)), default: "default", "The visual theme: default, print or compact.")
    static let font = Field("font", .text, default: "DejaVu Sans", "The font family; it must be installed.")

    static let schema = ObjectSchema("output", "What files a build writes.", [formats, directory, page, dpi, theme, font])
}

/// Keys of `output: page:`.
enum PageKeys {
    static let size = Field(
        "size", .choice(PageSize.allCases.map(\.rawValue)), default: "A4", "The paper size: A4 or letter.")
    static let orientation = Field(
        "orientation", .choice(PageOrientation.allCases.map(\.rawValue)), default: "portrait", "portrait or landscape.")

    static let schema = ObjectSchema("page", "Page size and orientation.", [size, orientation])
}
