import Foundation
import TallyCore
import TallyData
import TallyFormula
import TallySpec
import TallyStats

/// Computes the data of non-KPI blocks: Pareto, Likert, distributions, quotes, tables, SERVQUAL,
/// small multiples and KPI tiles.
struct BlockEvaluation {
    let spec: Spec
    let tables: [String: Table]
    let membership: [String: [Int32]]
    let days: [String: [Int]]
    let phases: [ResolvedPhase]
    let compiled: [String: KPIEvaluation.CompiledKPI]
    let parameters: [String: FormulaValue]

    /// Data for every block that needs it, in reading order.
    func evaluate(diagnostics: inout [Diagnostic]) -> [BlockData] {
        BlockIdentity.blocks(of: spec).compactMap { id, block in
            switch block.content {
            case .pareto(let pareto): return paretoData(id, block, pareto, &diagnostics)
            case .likert(let likert): return likertData(id, block, likert, &diagnostics)
            case .distribution(let distribution): return distributionData(id, block, distribution, &diagnostics)
            case .quotes(let quotes): return quotesData(id, block, quotes, &diagnostics)
            case .table(let table): return tableData(id, block, table, &diagnostics)
            case .servqualGap(let servqual): return servqualData(id, block, servqual, &diagnostics)
            case .smallMultiples(let multiples): return smallMultiplesData(id, block, multiples, &diagnostics)
            case .kpiTiles(let tiles): return tilesData(id, block, tiles, &diagnostics)
            default: return nil
            }
        }
    }

    // MARK: - Shared helpers

    /// The dataset a block names, or the phase dataset, or the only one.
    private func dataset(_ named: Located<String>?, block: BlockSpec, _ diagnostics: inout [Diagnostic]) -> (String, Table)? {
        let name = named?.value ?? spec.phases?.dataset?.value ?? spec.datasets.first?.name.value ?? ""
        guard let table = tables[name] else {
            diagnostics.append(.error(.spec, "\(block.type) refers to dataset '\(name)', which is not defined", at: named?.location ?? block.location,
                hint: "datasets: \(tables.keys.sorted().joined(separator: ", "))"))
            return nil
        }
        return (name, table)
    }

    /// A column of a dataset, or a located error listing the dataset's columns.
    private func column(_ name: Located<String>, in table: Table, dataset: String, _ diagnostics: inout [Diagnostic]) -> Column? {
        if let column = table.column(named: name.value) { return column }
        diagnostics.append(.error(
            .data, "column '\(name.value)' is not in dataset '\(dataset)'", at: name.location,
            hint: "columns are: \(table.columns.map(\.name).joined(separator: ", "))"))
        return nil
    }

    /// Rows of a dataset, optionally only those in one phase; datasets without dates keep all rows.
    private func rows(of dataset: String, table: Table, phase: String?) -> [Int] {
        guard let phase, let index = phases.firstIndex(where: { $0.id == phase }), let member = membership[dataset] else {
            return Array(0..<table.rowCount)
        }
        return (0..<table.rowCount).filter { member[$0] == Int32(index) }
    }

    /// Rows grouped by phase (or one "all" group when the dataset has no dates or there are no phases).
    private func phaseGroups(of dataset: String, table: Table) -> [(id: String, label: String, rows: [Int])] {
        guard !phases.isEmpty, let member = membership[dataset] else { return [("all", "All", Array(0..<table.rowCount))] }
        return phases.enumerated().map { index, phase in (phase.id, phase.label, (0..<table.rowCount).filter { member[$0] == Int32(index) }) }
    }

    /// Applies a row filter formula; rows where it is not TRUE are dropped.
    private func filter(_ rows: [Int], table: Table, formula: Located<String>?, _ diagnostics: inout [Diagnostic]) -> [Int] {
        guard let formula else { return rows }
        let compiler = FormulaCompiler(schema: FormulaSchema(table: table, parameters: parameters))
        switch compiler.compileRow(FormulaSource(formula.value, at: formula.location)) {
        case .success(let program):
            let values = program.values(table: table)
            return rows.filter { if case .boolean(true) = values[$0] { return true } else { return false } }
        case .failure(let error):
            diagnostics += error.diagnostics
            return []
        }
    }

    // MARK: - Block kinds

    private func paretoData(_ id: String, _ block: BlockSpec, _ pareto: ParetoBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let (name, table) = dataset(pareto.dataset, block: block, &diagnostics),
            let category = column(pareto.category, in: table, dataset: name, &diagnostics)
        else { return nil }
        let weight = pareto.weight.flatMap { column($0, in: table, dataset: name, &diagnostics) }
        let selected = rows(of: name, table: table, phase: pareto.phase?.value)
        let input = ParetoInput.aggregate(category: category, weight: weight, rows: selected)
        let options = ParetoOptions(threshold: pareto.threshold, topN: pareto.top)
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: input.rows)
        data.pareto = ParetoAnalysis(categories: input.categories, options: options)
        return data
    }

    private func likertData(_ id: String, _ block: BlockSpec, _ likert: LikertBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let (name, table) = dataset(likert.dataset, block: block, &diagnostics),
            let answers = column(likert.column, in: table, dataset: name, &diagnostics)
        else { return nil }
        let scale = max(2, likert.scale)
        var out: [LikertPhase] = []
        var total = 0
        for group in phaseGroups(of: name, table: table) {
            var counts = [Int](repeating: 0, count: scale)
            for row in group.rows {
                guard let value = answers.double(at: row) else { continue }
                guard let level = Int(rounding: value) else { continue }  // 1e300 is off the scale, like 0
                if level >= 1 && level <= scale { counts[level - 1] += 1 }
            }
            let n = counts.reduce(0, +)
            total += n
            out.append(LikertPhase(phase: group.id, label: group.label, counts: counts, n: n))
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: total)
        data.likert = out
        return data
    }

    private func distributionData(_ id: String, _ block: BlockSpec, _ distribution: DistributionBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        let name: String, table: Table, values: Column
        switch distribution.source {
        case .kpi(let kpi):
            guard let compiled = compiled[kpi.value], let t = tables[compiled.dataset], let sample = compiled.sampleColumn, let c = t.column(named: sample) else {
                diagnostics.append(.error(.spec, "distribution refers to KPI '\(kpi.value)', which has no single column to show", at: kpi.location,
                    hint: "use 'column:' to name the column to show"))
                return nil
            }
            (name, table, values) = (compiled.dataset, t, c)
        case .column(let columnName):
            guard let (n, t) = dataset(distribution.dataset, block: block, &diagnostics), let c = column(columnName, in: t, dataset: n, &diagnostics) else { return nil }
            (name, table, values) = (n, t, c)
        }
        let groups = distribution.byPhase ? phaseGroups(of: name, table: table) : [("all", "All", Array(0..<table.rowCount))]
        let perGroup = groups.map { group in Sorting.ascending(group.rows.compactMap { values.double(at: $0) }.filter(\.isFinite)) }
        let all = Sorting.merged(perGroup)
        let edges = DistributionBins.edges(all)
        var out: [DistributionPhase] = []
        for (group, sorted) in zip(groups, perGroup) {
            out.append(DistributionBins.summary(sorted, phase: group.0, label: group.1, edges: edges))
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: all.count)
        data.distribution = out
        data.binEdges = edges
        return data
    }

    private func quotesData(_ id: String, _ block: BlockSpec, _ quotes: QuotesBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let (name, table) = dataset(quotes.dataset, block: block, &diagnostics),
            let text = column(quotes.text, in: table, dataset: name, &diagnostics)
        else { return nil }
        var selected = filter(Array(0..<table.rowCount), table: table, formula: quotes.filter, &diagnostics)
        selected = selected.filter { (text.text(at: $0) ?? "").count >= 12 }
        // Most recent first (by the dataset's dates when it has them), then file order.
        let rowDays = days[name]
        if let rowDays { selected.sort { (rowDays[$0], -$0) > (rowDays[$1], -$1) } }
        var out: [[String: String]] = []
        for row in selected.prefix(max(1, quotes.limit)) {
            var quote = ["text": text.text(at: row) ?? ""]
            if let day = rowDays?[row], day != PhaseAssignment.noDay { quote["date"] = CivilDate(daysSinceEpoch: day).description }
            for candidate in ImplicitColumns.quoteAttribution {
                if let c = table.column(named: candidate), let value = c.text(at: row) { quote[candidate] = value }
            }
            out.append(quote)
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: selected.count)
        data.quotes = out
        return data
    }

    private func tableData(_ id: String, _ block: BlockSpec, _ spec: TableBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let (name, table) = dataset(spec.dataset, block: block, &diagnostics) else { return nil }
        let columns = spec.columns.compactMap { column($0, in: table, dataset: name, &diagnostics) }
        guard columns.count == spec.columns.count else { return nil }
        var selected = filter(Array(0..<table.rowCount), table: table, formula: spec.filter, &diagnostics)
        for key in spec.sort.reversed() {
            guard let sortColumn = column(key.column, in: table, dataset: name, &diagnostics) else { return nil }
            selected = selected.enumerated().sorted { a, b in
                let left = sortColumn.double(at: a.element), right = sortColumn.double(at: b.element)
                let ordered: Bool?
                if let left, let right { ordered = left == right ? nil : (key.descending ? left > right : left < right) } else {
                    let l = sortColumn.text(at: a.element) ?? "", r = sortColumn.text(at: b.element) ?? ""
                    ordered = l == r ? nil : (key.descending ? l > r : l < r)
                }
                return ordered ?? (a.offset < b.offset)
            }.map(\.element)
        }
        if let limit = spec.limit { selected = Array(selected.prefix(limit)) }
        let formats = Dictionary(spec.formats.map { ($0.column.value, ValueFormat(rawValue: $0.format.rawValue) ?? .number) }, uniquingKeysWith: { a, _ in a })
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: selected.count)
        data.tableHeader = columns.map(\.name)
        data.tableRows = selected.map { row in columns.map { CellText.text($0, row: row, format: formats[$0.name]) } }
        return data
    }

    private func servqualData(_ id: String, _ block: BlockSpec, _ servqual: ServqualGapBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let (name, table) = dataset(servqual.dataset, block: block, &diagnostics),
            let waves = column(servqual.waves, in: table, dataset: name, &diagnostics)
        else { return nil }
        let dimensions: [(String, ClosedRange<Int>)] = [
            ("Tangibles", 1...4), ("Reliability", 5...9), ("Responsiveness", 10...13), ("Assurance", 14...17), ("Empathy", 18...22),
        ]
        let expectation = ImplicitColumns.servqualExpectations.map { table.column(named: $0) }
        let perception = ImplicitColumns.servqualPerceptions.map { table.column(named: $0) }
        if expectation.contains(where: { $0 == nil }) || perception.contains(where: { $0 == nil }) {
            diagnostics.append(.error(.data, "servqual_gap needs the 22 item columns E1…E22 and P1…P22 in dataset '\(name)'", at: block.location,
                hint: "name the expectation items E1–E22 and the perception items P1–P22 (the standard SERVQUAL order)"))
            return nil
        }
        var waveOrder: [String] = []
        for row in 0..<table.rowCount { if let w = waves.text(at: row), !waveOrder.contains(w) { waveOrder.append(w) } }
        var out: [ServqualDimension] = []
        for wave in waveOrder {
            let rows = (0..<table.rowCount).filter { waves.text(at: $0) == wave }
            for (dimension, items) in dimensions {
                var eMeans: [Double] = [], pMeans: [Double] = []
                for row in rows {
                    let e = items.compactMap { expectation[$0 - 1]?.double(at: row) }
                    let p = items.compactMap { perception[$0 - 1]?.double(at: row) }
                    if !e.isEmpty { eMeans.append(e.reduce(0, +) / Double(e.count)) }
                    if !p.isEmpty { pMeans.append(p.reduce(0, +) / Double(p.count)) }
                }
                let e = Descriptive.mean(eMeans), p = Descriptive.mean(pMeans)
                out.append(ServqualDimension(
                    dimension: dimension, wave: wave, expectation: e, perception: p, gap: e.flatMap { e in p.map { $0 - e } },
                    n: min(eMeans.count, pMeans.count)))
            }
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: name, rows: table.rowCount)
        data.servqual = out
        return data
    }

    private func smallMultiplesData(_ id: String, _ block: BlockSpec, _ multiples: SmallMultiplesBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        guard let kpi = compiled[multiples.kpi.value], let table = tables[kpi.dataset] else {
            diagnostics.append(.error(.spec, "small_multiples refers to KPI '\(multiples.kpi.value)', which is not defined", at: multiples.kpi.location))
            return nil
        }
        guard let by = column(multiples.by, in: table, dataset: kpi.dataset, &diagnostics), let rowDays = days[kpi.dataset] else { return nil }
        var counts: [String: Int] = [:]
        for row in 0..<table.rowCount { if let g = by.text(at: row) { counts[g, default: 0] += 1 } }
        let groups = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(max(1, multiples.limit ?? 8)).map(\.key).sorted()
        let unit = Period(rawValue: (multiples.period ?? kpi.spec.period).rawValue) ?? .month
        if let problem = MonitoringEvaluation.tooManyPoints(unit, rowDays: rowDays, phases: phases, block: "small_multiples '\(id)'",
                                                            at: multiples.kpi.location) {
            diagnostics.append(problem)
            return nil
        }
        var series: [GroupSeries] = []
        var starts: [Int] = []
        for group in groups {
            // Rows of other groups are hidden by giving them no date; the KPI's own series machinery does the rest.
            let masked = rowDays.enumerated().map { by.text(at: $0.offset) == group ? $0.element : PhaseAssignment.noDay }
            let (points, _) = MonitoringEvaluation.periodSeries(
                kpi: kpi, table: table, rowDays: masked, unit: unit, phases: phases, exclusions: spec.phases?.exclusions ?? [])
            starts = points.map(\.startDay)
            series.append(GroupSeries(group: group, values: points.map(\.value), n: points.map(\.n)))
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: kpi.dataset, rows: table.rowCount)
        data.groups = series
        data.periodStarts = starts
        return data
    }

    private func tilesData(_ id: String, _ block: BlockSpec, _ list: KPIListBlock, _ diagnostics: inout [Diagnostic]) -> BlockData? {
        var tiles: [TileData] = []
        for kpiId in list.kpis {
            guard let kpi = compiled[kpiId.value], let table = tables[kpi.dataset] else { continue }
            guard let rowDays = days[kpi.dataset] else {
                tiles.append(TileData(kpi: kpiId.value, weekly: [], weekStarts: [], variation: nil, assurance: nil))
                continue
            }
            if let problem = MonitoringEvaluation.tooManyPoints(.week, rowDays: rowDays, phases: phases, block: "\(block.type) '\(id)'",
                                                                at: kpiId.location) {
                diagnostics.append(problem)
                return nil
            }
            let (points, _) = MonitoringEvaluation.periodSeries(
                kpi: kpi, table: table, rowDays: rowDays, unit: .week, phases: phases, exclusions: spec.phases?.exclusions ?? [])
            var chartPhases: [ChartPhase] = []
            for (index, phase) in phases.enumerated() {
                if let start = points.firstIndex(where: { $0.phase == index }) { chartPhases.append(ChartPhase(start: index == 0 ? 0 : start, label: phase.label)) }
            }
            let chart = SPC.controlChart(
                kind: .individuals, values: points.map { $0.value ?? .nan }, phases: chartPhases, options: .nhsMakingDataCount)
            let summary = SPC.nhsSummary(chart, improvement: MonitoringEvaluation.improvement(kpi), target: kpi.spec.target?.value)
            tiles.append(TileData(
                kpi: kpiId.value, weekly: points.map(\.value), weekStarts: points.map(\.startDay), variation: summary.variation?.rawValue,
                assurance: summary.assurance?.rawValue))
        }
        var data = BlockData(blockId: id, blockType: block.type, dataset: nil, rows: 0)
        data.tiles = tiles
        return data
    }
}

/// Shared histogram bins and five-number summaries.
enum DistributionBins {
    /// About 20 equal bins of a round width from the minimum to the 99th percentile (values above fall in the last bin).
    static func edges(_ sorted: [Double]) -> [Double] {
        guard let low = sorted.first, let p99 = Descriptive.quantile(sorted: sorted, probability: 0.99) else { return [] }
        let high = max(p99, low + 1e-9)
        let raw = (high - low) / 20
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let start = (low / step).rounded(.down) * step
        var edges = [start]
        while let last = edges.last, last < high, edges.count < 200 { edges.append(last + step) }
        if edges.count < 2 { edges.append(start + step) }
        return edges
    }

    /// Five-number summary, Tukey whiskers, outliers and histogram counts of sorted values.
    static func summary(_ sorted: [Double], phase: String, label: String, edges: [Double]) -> DistributionPhase {
        var counts = [Int](repeating: 0, count: max(0, edges.count - 1))
        if let first = edges.first, edges.count >= 2 {
            let step = edges[1] - first
            for value in sorted {
                let index = Int(((value - first) / step).rounded(.down))
                counts[max(0, min(counts.count - 1, index))] += 1
            }
        }
        guard !sorted.isEmpty, let q1 = Descriptive.quantile(sorted: sorted, probability: 0.25),
            let median = Descriptive.quantile(sorted: sorted, probability: 0.5), let q3 = Descriptive.quantile(sorted: sorted, probability: 0.75),
            let minimum = sorted.first, let maximum = sorted.last
        else {
            return DistributionPhase(phase: phase, label: label, n: 0, fiveNumber: [], mean: nil, whiskers: [], outliers: [], histogram: counts)
        }
        let fence = 1.5 * (q3 - q1)
        let lowWhisker = sorted.first { $0 >= q1 - fence } ?? minimum
        let highWhisker = sorted.last { $0 <= q3 + fence } ?? maximum
        let outliers = (sorted.filter { $0 < lowWhisker } + sorted.filter { $0 > highWhisker }.reversed())
        return DistributionPhase(
            phase: phase, label: label, n: sorted.count, fiveNumber: [minimum, q1, median, q3, maximum], mean: Descriptive.mean(sorted),
            whiskers: [lowWhisker, highWhisker], outliers: Array(outliers.suffix(200)), histogram: counts)
    }
}

/// Text of a table cell in the report's conventions.
enum CellText {
    /// A value formatted by the column's declared format or by its type.
    static func text(_ column: Column, row: Int, format: ValueFormat?) -> String {
        guard column.validity[row] else { return "" }
        switch column.storage {
        case .dates(let days): return CivilDate(daysSinceEpoch: Int(days[row])).britishShort
        case .datetimes: return column.text(at: row).map { String($0.prefix(16)).replacingT() } ?? ""
        case .booleans(let flags): return flags[row] ? "Yes" : "No"
        case .integers, .numbers:
            guard let value = column.double(at: row) else { return "" }
            let chosen = format ?? (column.type == .percent ? .percent : (column.type == .integer ? .integer : .number))
            return ValueFormatter.format(value, as: chosen, decimals: chosen == .number ? 2 : nil)
        default: return column.text(at: row) ?? ""
        }
    }
}

extension String {
    fileprivate func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
