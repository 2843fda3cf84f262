import TallyCore

extension SpecBuilder {
    /// Builds one block from its checked mapping (the `type` already chose the mapping's keys).
    mutating func block(_ o: CheckedObject, node: YAMLNode) -> BlockSpec {
        let type = o[BlockKeys.type]?.text ?? ""
        let placeholder = Located("", at: o.location)
        func ids(_ field: Field) -> [Located<String>] { o[field]?.locatedTexts ?? [] }
        func one(_ field: Field) -> Located<String>? { o[field]?.located }
        func bucket() -> TimeBucket? { o[BlockKeys.period]?.text.flatMap(TimeBucket.init(rawValue:)) }
        func flag(_ field: Field, _ fallback: Bool) -> Bool { o[field]?.boolean ?? fallback }

        let content: BlockContent
        switch type {
        case "text":
            content = .text(TextBlock(template: template(o[BlockKeys.text])))
        case "kpi_tiles":
            content = .kpiTiles(KPIListBlock(kpis: ids(BlockKeys.kpis)))
        case "findings":
            content = .findings(KPIListBlock(kpis: ids(BlockKeys.kpis)))
        case "variance_table":
            content = .varianceTable(PhaseComparisonBlock(kpis: ids(BlockKeys.kpis), phases: ids(BlockKeys.phases)))
        case "prepost_chart":
            content = .prePostChart(PhaseComparisonBlock(kpis: ids(BlockKeys.kpis), phases: ids(BlockKeys.phases)))
        case "trend_chart":
            content = .trendChart(TrendChartBlock(
                kpi: one(BlockKeys.kpi) ?? placeholder, period: bucket(), showTarget: flag(BlockKeys.showTarget, true)))
        case "control_chart":
            let chart = o[BlockKeys.chart].flatMap { checked in
                checked.text.flatMap(ControlChartType.init(rawValue:)).map { Located($0, at: checked.location) }
            }
            content = .controlChart(ControlChartBlock(
                kpi: one(BlockKeys.kpi) ?? placeholder, chart: chart ?? Located(.xmr, at: o.location), period: bucket(),
                rules: o[BlockKeys.controlRules]?.text.flatMap(ControlRules.init(rawValue:)) ?? .nhs,
                limits: o[BlockKeys.limits]?.text.flatMap(LimitMode.init(rawValue:)) ?? .recalculate,
                showZones: flag(BlockKeys.showZones, false)))
        case "run_chart":
            content = .runChart(RunChartBlock(kpi: one(BlockKeys.kpi) ?? placeholder, period: bucket()))
        case "pareto":
            content = .pareto(ParetoBlock(
                dataset: one(BlockKeys.dataset), category: one(BlockKeys.category) ?? placeholder,
                weight: one(BlockKeys.weight), threshold: o[BlockKeys.threshold]?.number ?? 0.8,
                top: o[BlockKeys.top]?.integer, phase: one(BlockKeys.phase)))
        case "distribution":
            var source = DistributionSource.column(placeholder)
            if let kpi = one(BlockKeys.optionalKPI), let column = one(BlockKeys.optionalColumn) {
                checker.report(Messages.kpiAndColumn, at: column.location)
                source = .kpi(kpi)
            } else if let kpi = one(BlockKeys.optionalKPI) {
                source = .kpi(kpi)
            } else if let column = one(BlockKeys.optionalColumn) {
                source = .column(column)
            } else if !o.wrote(BlockKeys.optionalKPI) && !o.wrote(BlockKeys.optionalColumn) {
                checker.report(Messages.neitherKPINorColumn, at: o.location)
            }
            content = .distribution(DistributionBlock(
                source: source, dataset: one(BlockKeys.dataset),
                kind: o[BlockKeys.distributionKind]?.text.flatMap(DistributionKind.init(rawValue:)) ?? .histogram,
                byPhase: flag(BlockKeys.byPhase, true)))
        case "likert":
            content = .likert(LikertBlock(
                dataset: one(BlockKeys.dataset), column: one(BlockKeys.column) ?? placeholder,
                scale: o[BlockKeys.scale]?.integer ?? 5, labels: o[BlockKeys.labels]?.list.compactMap(\.text) ?? []))
        case "servqual_gap":
            content = .servqualGap(ServqualGapBlock(
                dataset: one(BlockKeys.dataset), waves: one(BlockKeys.waves) ?? placeholder, dimension: one(BlockKeys.dimension)))
        case "small_multiples":
            content = .smallMultiples(SmallMultiplesBlock(
                kpi: one(BlockKeys.kpi) ?? placeholder, by: one(BlockKeys.by) ?? placeholder, period: bucket(),
                limit: o[BlockKeys.limit]?.integer))
        case "table":
            let sort = ids(BlockKeys.sort).map { key -> SortKey in
                guard key.value.hasPrefix("-") else { return SortKey(column: key, descending: false) }
                return SortKey(column: Located(String(key.value.dropFirst()), at: key.location), descending: true)
            }
            let formats = (o[BlockKeys.formats]?.entries ?? []).compactMap { entry in
                entry.value.text.flatMap(KPIFormat.init(rawValue:)).map { ColumnFormat(column: entry.name, format: $0) }
            }
            content = .table(TableBlock(
                dataset: one(BlockKeys.dataset), columns: ids(BlockKeys.columns), sort: sort, limit: o[BlockKeys.limit]?.integer,
                formats: formats, filter: one(BlockKeys.filter)))
        case "quotes":
            content = .quotes(QuotesBlock(
                dataset: one(BlockKeys.dataset), text: one(BlockKeys.quoteText) ?? placeholder, filter: one(BlockKeys.filter),
                limit: o[BlockKeys.limit]?.integer ?? 5))
        default:
            content = .pageBreak
        }
        return BlockSpec(
            id: one(BlockKeys.id), title: templatedText(o[BlockKeys.title]), subtitle: templatedText(o[BlockKeys.subtitle]),
            caption: templatedText(o[BlockKeys.caption]), width: o[BlockKeys.width]?.integer, content: content, location: node.location)
    }

    /// Parses a text value's placeholders, locating each `{{` in the spec file.
    mutating func template(_ checked: Checked?) -> TextTemplate {
        guard let checked, let text = checked.text else { return TextTemplate(source: "", parts: []) }
        let lines = checker.lines
        let locations = SpecBuilder.placeholderLocations(in: checked.node, lines: lines)
        var index = 0
        var offsets: [Int: SourceLocation] = [:]
        let (template, problems) = TextTemplate.parse(text) { offset in
            if let known = offsets[offset] { return known }
            let location = index < locations.count ? locations[index] : checked.location
            index += 1
            offsets[offset] = location
            return location
        }
        for problem in problems { checker.report(Message(problem.message), at: problem.location) }
        templates.append(template)
        return template
    }

    /// The text of a field that may hold placeholders (titles, captions); its placeholders are checked later.
    mutating func templatedText(_ checked: Checked?) -> String? {
        guard let checked, let text = checked.text else { return nil }
        if text.contains("{{") { _ = template(checked) }
        return text
    }

    /// The location of every `{{` inside a scalar, found in the scalar's source text.
    static func placeholderLocations(in node: YAMLNode, lines: SourceLines) -> [SourceLocation] {
        let raw = Array(lines.text(from: node.location, to: node.end).unicodeScalars)
        var result: [SourceLocation] = []
        var i = 0
        while i + 1 < raw.count {
            if raw[i] == "{" && raw[i + 1] == "{" {
                result.append(lines.advance(node.location, by: i))
                i += 2
            } else {
                i += 1
            }
        }
        return result
    }
}
