import TallyCore

/// Turns checked values into the `Spec` model: fills defaults, resolves alternatives, reports
/// problems that involve two keys of one mapping (e.g. both `builtin` and `formula`).
///
/// Values that failed their check are absent here; the builder substitutes neutral placeholders for them
/// (the loader never returns a spec that had errors, so placeholders never reach the evaluator).
struct SpecBuilder {
    /// Collects diagnostics and holds the source lines.
    var checker: Checker
    /// The spec file path.
    let file: String
    /// Every template found (text blocks, titles, captions), for the reference checks.
    var templates: [TextTemplate] = []
    /// Ids of phases whose dates were missing or invalid, so ordering checks do not pile on.
    var undatedPeriods: Set<String> = []

    /// Builds the whole spec from the checked root mapping.
    mutating func build(_ root: CheckedObject) -> Spec {
        let version = root[RootKeys.version]?.integer ?? 1
        if let checked = root[RootKeys.version], checked.integer != 1 {
            checker.report(Messages.unsupportedVersion(checked.integer ?? 0), at: checked.location)
        }
        let report = root[RootKeys.report]?.object.map { self.report($0) }
            ?? ReportInfo(title: "", timezone: Located("UTC", at: root.location), location: root.location)
        let params = root[RootKeys.params]?.entries.map { param($0) } ?? []
        let datasets = root[RootKeys.data]?.entries.map { dataset($0) } ?? []
        let phases = root[RootKeys.phases]?.object.map { phasePlan($0) }
        let kpis = root[RootKeys.kpis]?.entries.map { kpi($0) } ?? []
        let sections = root[RootKeys.sections]?.list.compactMap { $0.object }.map { section($0) } ?? []
        let evidence = root[RootKeys.evidence]?.object.map { self.evidence($0) }
        let batch = root[RootKeys.batch]?.object.map { self.batch($0) }
        let output = root[RootKeys.output]?.object.map { self.output($0) } ?? OutputSpec()
        return Spec(
            version: version, file: file, report: report, params: params, datasets: datasets, phases: phases, kpis: kpis,
            sections: sections, evidence: evidence, batch: batch, output: output)
    }

    // MARK: Report, params, evidence, batch, output

    /// `report:` with its defaults (as_of: build date, locale: en-GB, timezone: UTC).
    private mutating func report(_ o: CheckedObject) -> ReportInfo {
        var asOf = AsOf.buildDate
        if let value = o[ReportKeys.asOf] {
            if let date = value.date { asOf = .date(date) } else if value.text == "latest-data" { asOf = .latestData }
        }
        return ReportInfo(
            title: templatedText(o[ReportKeys.title]) ?? "",
            subtitle: templatedText(o[ReportKeys.subtitle]),
            organisation: o[ReportKeys.organisation]?.text,
            author: o[ReportKeys.author]?.text,
            asOf: asOf,
            locale: o[ReportKeys.locale]?.text.flatMap(ReportLocale.init(rawValue:)) ?? .enGB,
            timezone: o[ReportKeys.timezone]?.located ?? Located("UTC", at: o.location),
            keywords: o[ReportKeys.keywords]?.list.compactMap(\.text) ?? [],
            location: o.location)
    }

    /// One parameter; its default is parsed with the declared type.
    private mutating func param(_ entry: CheckedEntry) -> ParamSpec {
        let o = entry.value.object
        let type = o?[ParamKeys.type]?.text.flatMap(ParamType.init(rawValue:)) ?? .text
        var defaultValue: ParamValue?
        if let written = o?[ParamKeys.defaultValue], let text = written.text {
            defaultValue = type.parse(text)
            if defaultValue == nil {
                checker.report(Messages.badParamDefault(text, type: type), at: written.location)
            }
        }
        return ParamSpec(
            name: entry.name, type: type, defaultValue: defaultValue, description: o?[ParamKeys.description]?.text)
    }

    /// `evidence:` with its criteria and signature lines.
    private mutating func evidence(_ o: CheckedObject) -> EvidenceSpec {
        let criteria = (o[EvidenceKeys.criteria]?.list ?? []).compactMap(\.object).map { c in
            CriterionSpec(
                id: c[CriterionKeys.id]?.located ?? Located("", at: c.location),
                text: c[CriterionKeys.text]?.text ?? "",
                evidencedBy: c[CriterionKeys.evidencedBy]?.locatedTexts ?? [])
        }
        let signatures = (o[EvidenceKeys.signatures]?.list ?? []).compactMap(\.object).map { s in
            SignatureSpec(role: s[SignatureKeys.role]?.text ?? "", name: s[SignatureKeys.name]?.text)
        }
        return EvidenceSpec(
            qualification: o[EvidenceKeys.qualification]?.text, unit: o[EvidenceKeys.unit]?.text,
            learner: o[EvidenceKeys.learner]?.text, criteria: criteria, signatures: signatures, location: o.location)
    }

    /// `batch:`.
    private func batch(_ o: CheckedObject) -> BatchSpec {
        BatchSpec(
            forEach: o[BatchKeys.forEach]?.located ?? Located("", at: o.location), dataset: o[BatchKeys.dataset]?.located,
            location: o.location)
    }

    /// `output:`; repeated formats are reported.
    private mutating func output(_ o: CheckedObject) -> OutputSpec {
        var spec = OutputSpec()
        if let formats = o[OutputKeys.formats] {
            var seen: Set<String> = []
            var list: [OutputFormat] = []
            for item in formats.list {
                guard let text = item.text, let format = OutputFormat(rawValue: text) else { continue }
                if !seen.insert(text).inserted {
                    checker.report(Messages.repeatedListItem(text, key: "formats"), at: item.location)
                    continue
                }
                list.append(format)
            }
            if formats.list.isEmpty { checker.report(Messages.emptyList(key: "formats"), at: formats.location) }
            spec.formats = list
        }
        spec.directory = o[OutputKeys.directory]?.text
        if let page = o[OutputKeys.page]?.object {
            spec.page = PageSpec(
                size: page[PageKeys.size]?.text.flatMap(PageSize.init(rawValue:)) ?? .a4,
                orientation: page[PageKeys.orientation]?.text.flatMap(PageOrientation.init(rawValue:)) ?? .portrait)
        }
        spec.dpi = o[OutputKeys.dpi]?.integer ?? spec.dpi
        spec.theme = o[OutputKeys.theme]?.text.flatMap(Theme.init(rawValue:)) ?? .default
        spec.font = o[OutputKeys.font]?.text ?? spec.font
        return spec
    }

    // MARK: Data

    /// One dataset with its reading options, declared columns and computed columns.
    private mutating func dataset(_ entry: CheckedEntry) -> DatasetSpec {
        let o = entry.value.object ?? CheckedObject(schema: DatasetKeys.schema, values: [:], keyLocations: [:], location: entry.name.location)
        var spec = DatasetSpec(
            name: entry.name, file: o[DatasetKeys.file]?.located ?? Located("", at: o.location), location: entry.name.location)
        spec.delimiter = o[DatasetKeys.delimiter]?.text.flatMap(Delimiter.init(rawValue:)) ?? .auto
        spec.encoding = o[DatasetKeys.encoding]?.text.flatMap(TextEncoding.init(rawValue:)) ?? .utf8
        spec.decimal = o[DatasetKeys.decimal]?.text.flatMap(DecimalSeparator.init(rawValue:)) ?? .point
        spec.thousands = o[DatasetKeys.thousands]?.text.flatMap(ThousandsSeparator.init(rawValue:)) ?? ThousandsSeparator.none
        if let missing = o[DatasetKeys.missing] { spec.missing = missing.list.compactMap(\.text) }
        if let booleans = o[DatasetKeys.booleans]?.object {
            var words = BooleanWords()
            if let list = booleans[BooleanKeys.trueWords] { words.trueWords = list.list.compactMap(\.text) }
            if let list = booleans[BooleanKeys.falseWords] { words.falseWords = list.list.compactMap(\.text) }
            spec.booleans = words
        }
        spec.badRows = o[DatasetKeys.badRows]?.text.flatMap(BadRowPolicy.init(rawValue:)) ?? .fail
        spec.columns = (o[DatasetKeys.columns]?.entries ?? []).map { column in
            if let word = column.value.text {
                return ColumnSpec(name: column.name, type: ColumnType(rawValue: word) ?? .text, location: column.name.location)
            }
            let detail = column.value.object
            return ColumnSpec(
                name: column.name,
                type: detail?[ColumnKeys.type]?.text.flatMap(ColumnType.init(rawValue:)) ?? .text,
                format: detail?[ColumnKeys.format]?.located,
                timezone: detail?[ColumnKeys.timezone]?.located,
                location: column.name.location)
        }
        spec.filter = o[DatasetKeys.filter]?.located
        spec.computed = (o[DatasetKeys.computed]?.entries ?? []).compactMap { entry in
            entry.value.located.map { ComputedColumnSpec(name: entry.name, formula: $0) }
        }
        return spec
    }

    // MARK: Phases

    /// `phases:`: the time column (one, or one per dataset), periods and exclusions.
    private mutating func phasePlan(_ o: CheckedObject) -> PhasePlan {
        let periods = (o[PhaseKeys.periods]?.list ?? []).compactMap(\.object).map { period($0) }
        if let list = o[PhaseKeys.periods], list.list.isEmpty {
            checker.report(Messages.emptyList(key: "periods"), at: list.location)
        }
        let exclusions = (o[PhaseKeys.exclude]?.list ?? []).compactMap(\.object).compactMap { e -> ExclusionSpec? in
            guard let from = e[ExclusionKeys.from]?.date, let to = e[ExclusionKeys.to]?.date else { return nil }
            if to < from, let written = e[ExclusionKeys.to] {
                checker.report(Messages.endBeforeStart(from: from, to: to), at: written.location)
            }
            return ExclusionSpec(from: from, to: to, reason: e[ExclusionKeys.reason]?.text ?? "", location: e.location)
        }
        let dataset = o[PhaseKeys.dataset]?.located
        var time = Located("", at: o.location)
        var timeColumns: [TimeColumn]?
        if let written = o[PhaseKeys.time] {
            if let column = written.located {
                time = column
            } else {
                let entries = written.entries.compactMap { entry in
                    entry.value.located.map { TimeColumn(dataset: entry.name, column: $0) }
                }
                timeColumns = entries
                time = entries.first?.column ?? time
                if entries.isEmpty { checker.report(Messages.emptyList(key: "time"), at: written.location) }
                if let dataset { checker.report(Messages.datasetWithTimeMapping, at: dataset.location) }
            }
        }
        return PhasePlan(
            dataset: dataset, time: time, timeColumns: timeColumns, periods: periods, exclusions: exclusions,
            location: o.location)
    }

    /// One period: fixed dates or a rolling window; invalid dates are remembered so order checks skip it.
    private mutating func period(_ o: CheckedObject) -> PeriodSpec {
        let id = o[PeriodKeys.id]?.located ?? Located("", at: o.location)
        var range = PeriodRange.fixed(from: CivilDate(year: 1970, month: 1, day: 1), to: nil)
        let hasFixed = o.wrote(PeriodKeys.from) || o.wrote(PeriodKeys.to)
        if o.wrote(PeriodKeys.last) && hasFixed {
            checker.report(Messages.lastWithFromTo, at: o.location(of: PeriodKeys.last))
            undatedPeriods.insert(id.value)
        } else if case .span(let count, let unit)? = o[PeriodKeys.last]?.value {
            range = .last(count: count, unit: unit)
        } else if let from = o[PeriodKeys.from]?.date {
            let to = o[PeriodKeys.to]?.date
            if let to, to < from, let written = o[PeriodKeys.to] {
                checker.report(Messages.endBeforeStart(from: from, to: to), at: written.location)
                undatedPeriods.insert(id.value)
            }
            range = .fixed(from: from, to: to)
        } else if !o.wrote(PeriodKeys.from) && !o.wrote(PeriodKeys.last) {
            checker.report(Messages.periodWithoutDates(id.value), at: o.location)
        }
        let validFixed = o[PeriodKeys.from]?.date != nil && (!o.wrote(PeriodKeys.to) || o[PeriodKeys.to]?.date != nil)
        if !validFixed && o[PeriodKeys.last] == nil { undatedPeriods.insert(id.value) }
        let change = o[PeriodKeys.change]?.object.map { c in
            ChangeSpec(label: c[ChangeKeys.label]?.text ?? "", reason: c[ChangeKeys.reason]?.text)
        }
        return PeriodSpec(
            id: id, label: o[PeriodKeys.label]?.text ?? id.value, range: range, change: change, location: o.location)
    }

    // MARK: KPIs

    /// One KPI: built-in (inputs and options checked) or formula, with format-dependent defaults.
    private mutating func kpi(_ entry: CheckedEntry) -> KPISpec {
        let o = entry.value.object ?? CheckedObject(schema: KPIKeys.schema, values: [:], keyLocations: [:], location: entry.name.location)
        var definition = KPIDefinition.formula(Located("", at: o.location))
        var options: [BuiltinOption] = []
        let builtin = o[KPIKeys.builtin]?.text.flatMap(BuiltinKPI.init(rawValue:))
        if o.wrote(KPIKeys.builtin) && o.wrote(KPIKeys.formula) {
            checker.report(Messages.builtinAndFormula(entry.name.value), at: o.location(of: KPIKeys.formula))
        } else if !o.wrote(KPIKeys.builtin) && !o.wrote(KPIKeys.formula) {
            checker.report(Messages.neitherBuiltinNorFormula(entry.name.value), at: entry.name.location)
        }
        if let builtin, let located = o[KPIKeys.builtin] {
            var mapped: [String: Located<String>] = [:]
            for role in o[KPIKeys.columns]?.entries ?? [] {
                guard builtin.roles.contains(role.name.value) else {
                    checker.report(Messages.unknownRole(role.name.value, builtin: builtin), at: role.name.location)
                    continue
                }
                mapped[role.name.value] = role.value.located
            }
            let roles = builtin.roles.map { role in
                ColumnRole(role: role, column: mapped[role] ?? Located(role, at: located.location))
            }
            definition = .builtin(Located(builtin, at: located.location), columns: roles)
            for option in o[KPIKeys.options]?.entries ?? [] {
                guard builtin.optionNames.contains(option.name.value) else {
                    checker.report(Messages.unknownOption(option.name.value, builtin: builtin), at: option.name.location)
                    continue
                }
                if let value = option.value.number {
                    options.append(BuiltinOption(name: option.name, value: Located(value, at: option.value.location)))
                }
            }
        } else if let formula = o[KPIKeys.formula]?.located {
            definition = .formula(formula)
            for field in [KPIKeys.columns, KPIKeys.options] where o.wrote(field) {
                checker.report(Messages.builtinKeyWithFormula(field.key), at: o.location(of: field))
            }
        }
        let format = o[KPIKeys.format]?.text.flatMap(KPIFormat.init(rawValue:)) ?? builtin?.format ?? .number
        let decimals: Int
        switch format {
        case .percent, .score: decimals = 1
        case .integer, .duration: decimals = 0
        default: decimals = 2
        }
        func quantity(_ field: Field) -> Located<Double>? {
            guard let checked = o[field], let value = checked.number else { return nil }
            if case .quantity(_, percent: true) = checked.value, format != .percent {
                checker.report(
                    Messages.percentForNonPercentKPI(field.key, kpi: entry.name.value, format: format), at: checked.location,
                    severity: .warning)
            }
            return Located(value, at: checked.location)
        }
        var spec = KPISpec(
            id: entry.name,
            label: o[KPIKeys.label]?.text ?? entry.name.value,
            definition: definition,
            dataset: o[KPIKeys.dataset]?.located,
            format: format,
            decimals: o[KPIKeys.decimals]?.integer ?? decimals,
            better: o[KPIKeys.better]?.text.flatMap(Direction.init(rawValue:)) ?? builtin?.better,
            target: quantity(KPIKeys.target),
            expected: quantity(KPIKeys.expected),
            method: o[KPIKeys.method]?.text.flatMap(KPIMethod.init(rawValue:)) ?? .auto,
            period: o[KPIKeys.period]?.text.flatMap(TimeBucket.init(rawValue:)) ?? .week,
            description: o[KPIKeys.description]?.text,
            location: entry.name.location)
        spec.options = options
        return spec
    }

    // MARK: Sections

    /// One section; its id defaults to a slug of the title.
    private mutating func section(_ o: CheckedObject) -> SectionSpec {
        let title = templatedText(o[SectionKeys.title]) ?? ""
        let id = o[SectionKeys.id]?.located
            ?? Located(Identifier.made(from: title, prefix: "section"), at: o[SectionKeys.title]?.location ?? o.location)
        let blocks = (o[SectionKeys.blocks]?.list ?? []).compactMap { item in item.object.map { block($0, node: item.node) } }
        return SectionSpec(id: id, title: title, blocks: blocks, location: o.location)
    }
}
