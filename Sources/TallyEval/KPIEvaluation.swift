import TallyCore
import TallyData
import TallyFormula
import TallySpec
import TallyStats

/// Evaluates every KPI per phase and compares later phases with the baseline.
enum KPIEvaluation {
    /// One KPI's formula and the column whose observations its statistics are about.
    struct CompiledKPI: Sendable {
        let spec: KPISpec
        let dataset: String
        let program: AggregateProgram
        let sampleColumn: String?
        let kind: String
    }

    /// A KPI's values per phase, waiting for its statistics.
    struct PendingStatistics: Sendable {
        let compiled: CompiledKPI
        let values: [FormulaValue]
        let column: Column?
        let groups: [Int32]
    }

    /// Results for every KPI of the spec, in spec order (KPIs may use earlier KPIs by name).
    static func evaluate(
        spec: Spec, tables: [String: Table], membership: [String: [Int32]], phases: [ResolvedPhase],
        parameters: [String: FormulaValue], asOf: CivilDate, diagnostics: inout [Diagnostic]
    ) -> (results: [KPIResult], compiled: [String: CompiledKPI]) {
        var results: [KPIResult] = []
        var compiledKPIs: [String: CompiledKPI] = [:]
        var valuesByKPI: [String: (dataset: String, values: [FormulaValue], type: FormulaType)] = [:]
        let groupCount = max(1, phases.count)
        var pending: [PendingStatistics] = []
        for kpi in spec.kpis {
            guard let compiled = compile(kpi, spec: spec, tables: tables, parameters: parameters, asOf: asOf, earlier: valuesByKPI, diagnostics: &diagnostics),
                let table = tables[compiled.dataset]
            else { continue }
            compiledKPIs[kpi.id.value] = compiled
            let groups: [Int32]
            if phases.isEmpty {
                groups = [Int32](repeating: 0, count: table.rowCount)
            } else if let assigned = membership[compiled.dataset] {
                groups = assigned
            } else {
                diagnostics.append(.error(
                    .spec, "KPI '\(kpi.id.value)' is on dataset '\(compiled.dataset)', which has no '\(spec.phases?.time.value ?? "")' column to place its rows in phases",
                    at: kpi.id.location, hint: "use a dataset that has the phase time column, or rename its date column to match"))
                continue
            }
            let dependencies = compiled.program.kpiDependencies.reduce(into: [String: [FormulaValue]]()) { $0[$1] = valuesByKPI[$1]?.values }
            let values = compiled.program.evaluate(table: table, groupIds: groups, groupCount: groupCount, kpiValues: dependencies)
            valuesByKPI[kpi.id.value] = (compiled.dataset, values, compiled.program.resultType)
            pending.append(PendingStatistics(compiled: compiled, values: values, column: compiled.sampleColumn.flatMap { table.column(named: $0) }, groups: groups))
        }
        // Formulas run in spec order (a KPI may use earlier ones); the statistics of each KPI — sorts, rank
        // tests, intervals — are independent, so they run on every core. Results keep spec order.
        results = ParallelMap.run(pending) { item in
            let samples = item.column.map { PhaseSamples(column: $0, groups: item.groups, groupCount: groupCount, need: PhaseStatistics.need(kind: item.compiled.kind)) }
            return result(for: item.compiled, values: item.values, samples: samples, phases: phases)
        }
        adjustForMultipleTesting(&results)
        return (results, compiledKPIs)
    }

    /// Compiles a KPI's formula (built-ins expanded with the spec's column mapping).
    private static func compile(
        _ kpi: KPISpec, spec: Spec, tables: [String: Table], parameters: [String: FormulaValue], asOf: CivilDate,
        earlier: [String: (dataset: String, values: [FormulaValue], type: FormulaType)], diagnostics: inout [Diagnostic]
    ) -> CompiledKPI? {
        let datasetName = kpi.dataset?.value ?? spec.phases?.dataset?.value ?? spec.datasets.first?.name.value ?? ""
        guard let table = tables[datasetName] else {
            diagnostics.append(.error(.spec, "KPI '\(kpi.id.value)' refers to dataset '\(datasetName)', which is not defined", at: kpi.dataset?.location ?? kpi.location))
            return nil
        }
        let source: FormulaSource
        var sampleColumn: String?
        var kind = kpi.method.rawValue
        switch kpi.definition {
        case .builtin(let builtin, let roles):
            guard let definition = BuiltinCatalogue.definition(for: builtin.value) else {
                diagnostics.append(.error(.spec, "built-in KPI '\(builtin.value.rawValue)' is not in the KPI library", at: builtin.location))
                return nil
            }
            var mapping: [String: String] = [:]
            for role in roles { mapping[role.role] = role.column.value }
            // A built-in names the columns it needs: say which one is missing, in the user's terms.
            var missing = false
            for role in definition.columns {
                let column = mapping[role.role] ?? role.defaultColumn
                guard table.column(named: column) == nil else { continue }
                missing = true
                let mapped = roles.first { $0.role == role.role }
                diagnostics.append(.error(
                    .data,
                    "KPI '\(kpi.id.value)' (built-in \(builtin.value.rawValue)) needs a column '\(column)' in dataset '\(datasetName)', but it has none",
                    at: mapped?.column.location ?? builtin.location,
                    hint: "map it to one of your columns with 'columns: { \(role.role): <column> }'; the dataset's columns are: \(table.columns.map(\.name).joined(separator: ", "))"))
            }
            if missing { return nil }
            var settings: [String: FormulaValue] = [:]
            for option in kpi.options { settings[option.name.value] = .number(option.value.value) }
            source = FormulaSource(definition.formula(columns: mapping, parameters: settings), at: builtin.location)
            if let first = definition.columns.first { sampleColumn = mapping[first.role] ?? first.defaultColumn }
            // The library knows what a built-in computes (a p90 is not a median): its kind decides the
            // statistics unless the spec chose another method than the built-in's default.
            if kind == "auto" || kind == builtin.value.method.rawValue { kind = definition.kind.rawValue }
        case .formula(let text):
            source = FormulaSource(text.value, at: text.location)
        }
        let kpiTypes = earlier.filter { $0.value.dataset == datasetName }.mapValues(\.type)
        let compiler = FormulaCompiler(schema: FormulaSchema(table: table, parameters: parameters, kpis: kpiTypes, asOf: asOf))
        switch compiler.compileAggregate(source) {
        case .success(let program):
            if sampleColumn == nil { sampleColumn = program.columns.first }
            if kind == "auto" { kind = kpi.format == .percent ? "proportion" : "mean" }
            return CompiledKPI(spec: kpi, dataset: datasetName, program: program, sampleColumn: sampleColumn, kind: kind)
        case .failure(let error):
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Values, intervals, comparisons and variance for one KPI.
    private static func result(for compiled: CompiledKPI, values: [FormulaValue], samples: PhaseSamples?, phases: [ResolvedPhase]) -> KPIResult {
        let kpi = compiled.spec
        let phaseIds = phases.isEmpty ? ["all"] : phases.map(\.id)
        var phaseValues: [KPIPhaseValue] = []
        for (index, id) in phaseIds.enumerated() {
            let formulaValue = index < values.count ? values[index] : .blank
            let n = samples?.count(index) ?? 0
            var entry = KPIPhaseValue(phase: id, value: nil, n: n)
            switch formulaValue {
            case .number(let v) where v.isFinite: entry.value = v
            case .error(let e): entry.problem = e.rawValue
            case .blank: entry.problem = "no data in this phase"
            default: entry.problem = "the formula gives \(formulaValue.description), not a number"
            }
            if let value = entry.value, let samples {
                entry.interval = PhaseStatistics.interval(kind: compiled.kind, value: value, samples: samples, group: index)
            }
            phaseValues.append(entry)
        }
        var comparisons: [KPIComparison] = []
        if let samples, phaseIds.count >= 2 {
            for index in 1..<phaseIds.count {
                var comparison = PhaseStatistics.compare(
                    kind: compiled.kind, baseline: phaseValues[0], later: phaseValues[index], samples: samples, baselineGroup: 0, laterGroup: index)
                if !phases.isEmpty {
                    let baseDays = Double(phases[0].lastDay - phases[0].firstDay + 1)
                    let laterDays = Double(phases[index].lastDay - phases[index].firstDay + 1)
                    if max(baseDays, laterDays) / max(1, min(baseDays, laterDays)) > 1.25 { comparison.caveats.append("unequal-period-lengths") }
                }
                comparison.caveats.append("time-ordered-data")
                comparisons.append(comparison)
            }
        }
        let better = kpi.better?.rawValue
        let variance = Variance.row(
            baseline: phaseValues.first?.value, actual: phaseValues.last?.value, target: kpi.target?.value,
            expected: kpi.expected?.value, better: better)
        return KPIResult(
            id: kpi.id.value, label: kpi.label, formula: compiled.program.formula, dataset: compiled.dataset,
            format: ValueFormat(rawValue: kpi.format.rawValue) ?? .number, decimals: kpi.decimals, better: better,
            kind: compiled.kind, target: kpi.target?.value, expected: kpi.expected?.value, phases: phaseValues,
            comparisons: comparisons, variance: variance)
    }

    /// Holm–Bonferroni across every comparison in the report (the family of tests a reader sees).
    private static func adjustForMultipleTesting(_ results: inout [KPIResult]) {
        var positions: [(Int, Int)] = []
        var pValues: [Double?] = []
        for (k, result) in results.enumerated() {
            for (c, comparison) in result.comparisons.enumerated() {
                positions.append((k, c))
                pValues.append(comparison.pValue)
            }
        }
        guard pValues.compactMap({ $0 }).count > 1 else { return }
        let adjusted = MultipleTesting.holmAdjusted(pValues)
        for (i, (k, c)) in positions.enumerated() { results[k].comparisons[c].holmPValue = adjusted[i] }
    }
}

/// Maps the spec's built-in KPI names onto the formula library's definitions (the spec keeps the shorter
/// names managers write; the library names its entries by what they compute).
public enum BuiltinCatalogue {
    /// The library definition behind a spec built-in, or nil when the library lacks it.
    public static func definition(for builtin: BuiltinKPI) -> TallyFormula.KPIDefinition? {
        switch builtin {
        case .resolutionMedian: return KPILibrary.definition(id: "resolution_time_median")
        case .resolutionP90: return KPILibrary.definition(id: "resolution_time_p90")
        case .repeatRate: return KPILibrary.definition(id: "repeat_contact_rate")
        case .mysteryScore: return KPILibrary.definition(id: "mystery_shopper")
        case .servqualGap: return KPILibrary.servqualGap("overall")
        default: return KPILibrary.definition(id: builtin.rawValue)
        }
    }
}
