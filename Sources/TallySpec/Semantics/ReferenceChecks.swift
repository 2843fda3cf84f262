import TallyCore

extension SemanticChecker {
    /// Blocks: their KPIs, phases and datasets exist; charts fit their KPI; Likert labels match the scale.
    mutating func checkBlocks() {
        for block in spec.allBlocks {
            let what = "this \(block.type) block"
            switch block.content {
            case .text, .pageBreak:
                break
            case .kpiTiles(let b), .findings(let b):
                checkKPIList(b.kpis, at: block.location)
            case .varianceTable(let b), .prePostChart(let b):
                checkKPIList(b.kpis, at: block.location)
                if spec.phases == nil {
                    report(Messages.noPhases(needed: what), at: block.location)
                } else {
                    for phase in b.phases { checkPhase(phase) }
                }
            case .trendChart(let b):
                checkKPI(b.kpi)
            case .runChart(let b):
                checkKPI(b.kpi)
            case .smallMultiples(let b):
                checkKPI(b.kpi)
            case .controlChart(let b):
                if let kpi = checkKPI(b.kpi), let method = kpi.impliedMethod, !b.chart.value.acceptedMethods.contains(method) {
                    report(Messages.chartDoesNotFit(b.chart.value, kpi: kpi.id.value, method: method), at: b.chart.location)
                }
            case .pareto(let b):
                checkDataset(b.dataset, usedBy: what, at: block.location)
                if let phase = b.phase { checkPhase(phase) }
                if b.threshold <= 0 || b.threshold > 1 {
                    report(Messages.thresholdOutOfRange(b.threshold), at: block.location)
                }
            case .distribution(let b):
                switch b.source {
                case .kpi(let kpi): checkKPI(kpi)
                case .column: checkDataset(b.dataset, usedBy: what, at: block.location)
                }
                if b.byPhase && spec.phases == nil {
                    report(Messages.noPhases(needed: "`by_phase: true`"), at: block.location, severity: .warning)
                }
            case .likert(let b):
                checkDataset(b.dataset, usedBy: what, at: block.location)
                if !b.labels.isEmpty && b.labels.count != b.scale {
                    report(Messages.likertLabels(count: b.labels.count, scale: b.scale), at: block.location)
                }
            case .servqualGap(let b):
                checkDataset(b.dataset, usedBy: what, at: block.location)
            case .table(let b):
                checkDataset(b.dataset, usedBy: what, at: block.location)
                if b.columns.isEmpty { report(Messages.emptyList(key: "columns"), at: block.location) }
            case .quotes(let b):
                checkDataset(b.dataset, usedBy: what, at: block.location)
            }
        }
    }

    private mutating func checkKPIList(_ kpis: [Located<String>], at location: SourceLocation) {
        if kpis.isEmpty { report(Messages.emptyList(key: "kpis"), at: location) }
        var seen: Set<String> = []
        for kpi in kpis {
            if !seen.insert(kpi.value).inserted {
                report(Messages.repeatedListItem(kpi.value, key: "kpis"), at: kpi.location)
            } else {
                checkKPI(kpi)
            }
        }
    }

    /// Templates: `{{ kpi.phase }}`, `{{ params.name }}` and `{{ report.key }}` name things that exist; filters are known.
    mutating func checkTemplates() {
        let phaseIds = spec.phases?.periods.map(\.id.value) ?? []
        let kpiFields = phaseIds + TemplateVocabulary.kpiValues
        for template in templates {
            for placeholder in template.placeholders {
                let path = placeholder.path
                let at = placeholder.location
                switch path[0] {
                case "params":
                    let names = spec.params.map(\.name.value)
                    if path.count != 2 {
                        report(Messages.templateShape(placeholder.text, expected: "{{ params.name }}"), at: at)
                    } else if !names.contains(path[1]) {
                        report(Messages.unknownReference("parameter", path[1], known: names), at: at)
                    }
                case "report":
                    if path.count != 2 || !TemplateVocabulary.reportValues.contains(path[1]) {
                        report(Messages.unknownTemplateValue(
                            placeholder.text, of: "report", known: TemplateVocabulary.reportValues), at: at)
                    }
                default:
                    guard spec.kpi(path[0]) != nil else {
                        let known = spec.kpis.map(\.id.value) + ["params", "report"]
                        report(Messages.unknownTemplateName(path[0], in: placeholder.text, known: known), at: at)
                        continue
                    }
                    if path.count != 2 {
                        report(Messages.templateShape(placeholder.text, expected: "{{ \(path[0]).\(phaseIds.last ?? "post") }}"), at: at)
                    } else if !kpiFields.contains(path[1]) {
                        if phaseIds.isEmpty && !TemplateVocabulary.kpiValues.contains(path[1]) {
                            report(Messages.noPhases(needed: placeholder.text), at: at)
                        } else {
                            report(Messages.unknownTemplateValue(placeholder.text, of: path[0], known: kpiFields), at: at)
                        }
                    }
                }
                for filter in placeholder.filters where !TextTemplate.filters.contains(filter) {
                    report(Messages.unknownFilter(filter, in: placeholder.text), at: at)
                }
            }
        }
    }

    /// Evidence targets exist; batch and its dataset resolve.
    mutating func checkEvidenceAndBatch() {
        if let evidence = spec.evidence {
            let ids = spec.sections.map(\.id.value) + spec.allBlocks.compactMap(\.id?.value)
            for criterion in evidence.criteria {
                for target in criterion.evidencedBy where !ids.contains(target.value) {
                    report(Messages.unknownReference("section or block id", target.value, known: ids), at: target.location)
                }
            }
        }
        if let batch = spec.batch {
            checkDataset(batch.dataset, usedBy: "batch", at: batch.location)
        }
    }
}

/// The names templates may use besides phase ids.
enum TemplateVocabulary {
    /// `{{ kpi.<value> }}` besides phase ids: the change from baseline to the last phase, target, expected, label.
    static let kpiValues = ["change", "target", "expected", "label"]
    /// `{{ report.<value> }}`.
    static let reportValues = ["title", "subtitle", "organisation", "author", "as_of"]
}
