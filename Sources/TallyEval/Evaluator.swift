import TallyCore
import TallyData
import TallyFormula
import TallySpec

/// Evaluates a spec over its datasets: the single entry point of the evaluate stage.
public enum Evaluator {
    /// Computes every number of the report, or returns located diagnostics (all of them, not the first).
    public static func evaluate(_ input: EvaluationInput) -> Result<Evaluation, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        let spec = input.spec

        // 1. Parameters.
        let parameters = ParameterResolver.resolve(spec, overrides: input.parameterOverrides, diagnostics: &diagnostics)

        // 2. Datasets: computed columns, then filters (both formulas, compiled once).
        var tables: [String: Table] = [:]
        var datasetFacts: [DatasetFacts] = []
        for dataset in spec.datasets {
            guard let read = input.datasets[dataset.name.value] else { continue }
            let prepared = DatasetPreparation.prepare(read.table, dataset: dataset, parameters: parameters, diagnostics: &diagnostics)
            tables[dataset.name.value] = prepared
            var facts = read.facts
            facts.rowsAfterFilter = prepared.rowCount
            facts.filter = dataset.filter?.value
            datasetFacts.append(facts)
        }
        if diagnostics.containsErrors { return .failure(DiagnosticError(diagnostics)) }

        // 3. The report date, then phases and each row's phase.
        let timeZone = spec.report.timezone.value
        guard LocalDays.isKnown(timeZone) else {
            return .failure(DiagnosticError(.error(
                .spec, "unknown time zone '\(timeZone)'", at: spec.report.timezone.location,
                hint: "use a tz database name such as Europe/London or UTC")))
        }
        let phasing = PhaseAssignment.assign(spec: spec, tables: tables, timeZone: timeZone, diagnostics: &diagnostics)
        let (asOf, asOfSource) = ReportDate.resolve(
            spec: spec, override: input.asOfOverride, latestDataDay: phasing.latestDay, now: input.now, timeZone: timeZone)
        let phases = PhaseAssignment.resolvePhases(spec.phases, asOf: asOf, diagnostics: &diagnostics)
        let membership = PhaseAssignment.membership(days: phasing.days, phases: phases, exclusions: spec.phases?.exclusions ?? [])
        if diagnostics.containsErrors { return .failure(DiagnosticError(diagnostics)) }

        // 4. KPIs per phase, comparisons, variance.
        let (kpis, compiled) = KPIEvaluation.evaluate(
            spec: spec, tables: tables, membership: membership, phases: phases, parameters: parameters, asOf: asOf,
            diagnostics: &diagnostics)
        if diagnostics.containsErrors { return .failure(DiagnosticError(diagnostics)) }

        // 5–6. Monitoring (KPI per period, SPC limits and signals, NHS icons) and block data (Pareto, Likert,
        // distributions, quotes, tables, SERVQUAL, small multiples, tiles) need only the KPIs: run side by side.
        let tablesNow = tables, days = phasing.days, compiledNow = compiled
        let exclusions = spec.phases?.exclusions ?? []
        let parts = ParallelMap.run([0, 1]) { part -> (monitoring: [MonitoringResult], blocks: [BlockData], diagnostics: [Diagnostic]) in
            var found: [Diagnostic] = []
            if part == 0 {
                let monitoring = MonitoringEvaluation.evaluate(
                    spec: spec, tables: tablesNow, days: days, phases: phases, compiled: compiledNow, exclusions: exclusions, diagnostics: &found)
                return (monitoring, [], found)
            }
            let blocks = BlockEvaluation(
                spec: spec, tables: tablesNow, membership: membership, days: days, phases: phases, compiled: compiledNow,
                parameters: parameters
            ).evaluate(diagnostics: &found)
            return ([], blocks, found)
        }
        // Diagnostics in the fixed order monitoring, then blocks, whichever finished first.
        let monitoring = parts[0].monitoring
        let blockData = parts[1].blocks
        diagnostics += parts[0].diagnostics + parts[1].diagnostics
        if diagnostics.containsErrors { return .failure(DiagnosticError(diagnostics)) }

        let phaseDataset = spec.phases?.dataset?.value ?? spec.datasets.first?.name.value ?? ""
        let phaseFacts = phases.enumerated().map { index, phase in
            PhaseFacts(
                id: phase.id, label: phase.label, from: CivilDate(daysSinceEpoch: phase.firstDay).description,
                to: CivilDate(daysSinceEpoch: phase.lastDay).description,
                rows: membership[phaseDataset].map { $0.filter { $0 == Int32(index) }.count } ?? 0,
                days: phase.lastDay - phase.firstDay + 1, change: phase.change, changeReason: phase.changeReason)
        }
        let results = Results(
            tool: "Tally \(TallyVersion.current)", spec: input.specFile,
            report: ReportFacts(
                title: spec.report.title, asOf: asOf.description, asOfSource: asOfSource, locale: spec.report.locale.rawValue,
                parameters: parameters.mapValues { $0.description }),
            datasets: datasetFacts, phases: phaseFacts, kpis: kpis, monitoring: monitoring, blocks: blockData,
            warnings: diagnostics.filter { $0.severity != .error })
        return .success(Evaluation(results: results, tables: tables, phaseOfRow: membership, phases: phases, asOf: asOf))
    }
}
