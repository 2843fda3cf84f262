import TallyCore
import TallyEval
import TallyLayout
import TallySpec

/// The parts of a report around its sections: cover and contents, the evidence page, the audit appendix.
enum FrontAndBackMatter {
    /// Reports with evidence, or with three or more sections, get a cover page and a contents list;
    /// shorter reports open with a title block instead.
    static func opening(spec: Spec) -> [DocumentBlock] {
        if spec.evidence != nil || spec.sections.count >= 3 { return [.cover, .contents(title: "Contents", maxLevel: 1)] }
        return [.titleBlock]
    }

    /// The evidence page (criteria → where they are evidenced) and the signature panel.
    static func evidence(spec: Spec, results: Results, blockAnchors: [String: String]) -> [DocumentBlock] {
        guard let evidence = spec.evidence else { return [] }
        let criteria = evidence.criteria.map { criterion in
            EvidenceModel.Criterion(
                id: criterion.id.value, text: criterion.text,
                evidencedBy: criterion.evidencedBy.map { blockAnchors[$0.value] ?? "section-" + $0.value })
        }
        var details: [KeyValue] = []
        if let author = spec.report.author { details.append(KeyValue("Prepared by", author)) }
        details.append(KeyValue("Report date", CivilDate(iso: Substring(results.report.asOf))?.britishShort ?? results.report.asOf))
        if let first = results.phases.first, let last = results.phases.last {
            details.append(KeyValue("Period covered", NumberText.dateRange(from: first.from, to: last.to)))
        }
        let model = EvidenceModel(
            qualification: evidence.qualification ?? "", unit: evidence.unit ?? "", learner: evidence.learner ?? spec.report.author ?? "",
            details: details, criteria: criteria)
        let signatures = evidence.signatures.isEmpty
            ? SignatureLine.portfolioRoles
            : evidence.signatures.map { SignatureLine(role: $0.role, name: $0.name) }
        return [.evidence(model), .signatures(signatures)]
    }

    /// The audit appendix: the same facts as results.json, for a reader of the PDF.
    static func audit(spec: Spec, results: Results) -> DocumentBlock {
        let inputs = results.datasets.map { dataset in
            AuditModel.InputFile(
                path: dataset.file.path, sha256: dataset.file.sha256, bytes: dataset.file.bytes, rowsRead: dataset.rowsRead,
                rowsRejected: dataset.rowsRejected,
                rejections: dataset.rejected.map { AuditModel.Rejection(line: $0.line, text: "record \($0.record)", reason: $0.reason) })
        }
        let filters = results.datasets.compactMap { dataset in dataset.filter.map { "\(dataset.name): \($0) (\(dataset.rowsAfterFilter) rows kept)" } }
        let phases = results.phases.map { phase in
            AuditModel.Phase(
                name: phase.label, from: phase.from, to: phase.to,
                note: [phase.change, phase.changeReason, "\(phase.rows) rows"].compactMap { $0 }.joined(separator: " — "))
        }
        var methods: [KeyValue] = []
        for kpi in results.kpis {
            var parts = ["\(kpi.formula)"]
            if let interval = kpi.phases.first?.interval?.method { parts.append("interval: \(interval)") }
            if let comparison = kpi.comparisons.first, !comparison.methods.isEmpty { parts.append("comparison: " + comparison.methods.joined(separator: ", ")) }
            methods.append(KeyValue(kpi.label, parts.joined(separator: "; ")))
        }
        if results.kpis.contains(where: { $0.comparisons.contains { $0.holmPValue != nil } }) {
            methods.append(KeyValue("Multiple testing", "Holm–Bonferroni across all comparisons in the report"))
        }
        for series in results.monitoring {
            guard let chart = series.chart else { continue }
            methods.append(KeyValue("Chart \(series.blockId)", "\(chart.method); rules: \(chart.ruleSets.joined(separator: ", ")); \(series.period)ly points"))
        }
        var provenance = [
            KeyValue("Report date", "\(results.report.asOf) (from \(results.report.asOfSource))"),
            KeyValue("Locale and time zone", "\(results.report.locale), \(spec.report.timezone.value)"),
        ]
        for (name, value) in results.report.parameters.sorted(by: { $0.key < $1.key }) { provenance.append(KeyValue("Parameter \(name)", value)) }
        provenance.append(KeyValue("Machine-readable copy", "results.json beside this PDF holds every number unrounded"))
        return .audit(AuditModel(
            inputs: inputs, filters: filters, phases: phases, methods: methods, toolVersion: TallyVersion.current,
            specPath: results.spec.path, specHash: results.spec.sha256, provenance: provenance))
    }
}
