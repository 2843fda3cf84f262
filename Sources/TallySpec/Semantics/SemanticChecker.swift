import TallyCore

/// Checks that hold across parts of a spec: references resolve, phases are ordered, values fit their KPI.
///
/// Runs after the model is built; every problem is a located diagnostic with a did-you-mean where one helps.
/// Checks that need the CSV headers or formula types happen later, in the evaluator.
struct SemanticChecker {
    /// The spec being checked.
    let spec: Spec
    /// Every template of the spec (text blocks, titles, captions).
    let templates: [TextTemplate]
    /// Diagnostics collected so far (shared with the earlier passes).
    var checker: Checker
    /// Phases whose dates were invalid (already reported); ordering checks skip them.
    var undatedPeriods: Set<String> = []

    /// Runs every check.
    mutating func run() {
        checkDatasets()
        checkPhases()
        checkKPIs()
        checkIds()
        checkBlocks()
        checkTemplates()
        checkEvidenceAndBatch()
    }

    /// Reports an error.
    mutating func report(_ message: Message, at location: SourceLocation, severity: Severity = .error) {
        checker.report(message, at: location, severity: severity)
    }

    // MARK: Reference resolution

    /// Checks a dataset reference; an omitted one is fine only when the spec has exactly one dataset.
    mutating func checkDataset(_ reference: Located<String>?, usedBy what: String, at location: SourceLocation) {
        let names = spec.datasets.map(\.name.value)
        if let reference {
            if reference.value.isEmpty { return }  // invalid value, already reported
            if !names.contains(reference.value) {
                report(Messages.unknownReference("dataset", reference.value, known: names), at: reference.location)
            }
        } else if names.count > 1 {
            report(Messages.ambiguousDataset(what, names: names), at: location)
        }
    }

    /// Checks a KPI reference; returns the KPI when it exists.
    @discardableResult
    mutating func checkKPI(_ reference: Located<String>) -> KPISpec? {
        if let kpi = spec.kpi(reference.value) { return kpi }
        if reference.value.isEmpty { return nil }  // invalid value, already reported
        report(Messages.unknownReference("KPI", reference.value, known: spec.kpis.map(\.id.value)), at: reference.location)
        return nil
    }

    /// Checks a phase reference.
    mutating func checkPhase(_ reference: Located<String>) {
        if reference.value.isEmpty { return }  // invalid value, already reported
        guard let phases = spec.phases else {
            report(Messages.noPhases(needed: "phase \(Messages.quoted(reference.value))"), at: reference.location)
            return
        }
        if !phases.periods.contains(where: { $0.id.value == reference.value }) {
            report(Messages.unknownReference("phase", reference.value, known: phases.periods.map(\.id.value)), at: reference.location)
        }
    }
}
