#if canImport(FoundationEssentials)
import FoundationEssentials
#endif
import Foundation
import TallyCore

extension SemanticChecker {
    /// Datasets: separators that cannot both be right, column details that do not fit the type, time zones.
    mutating func checkDatasets() {
        for dataset in spec.datasets {
            if dataset.file.value.isEmpty { continue }
            if dataset.thousands.rawValue == dataset.decimal.rawValue {
                report(Messages.sameSeparators(dataset.decimal.rawValue), at: dataset.location)
            }
            let trueWords = Set(dataset.booleans.trueWords.map { $0.lowercased() })
            for word in dataset.booleans.falseWords where trueWords.contains(word.lowercased()) {
                report(Messages.wordTrueAndFalse(word), at: dataset.location)
            }
            for column in dataset.columns {
                if let format = column.format, column.type != .date && column.type != .datetime {
                    report(Messages.formatNeedsDate(column.name.value, type: column.type), at: format.location)
                }
                if let zone = column.timezone {
                    if column.type != .datetime {
                        report(Messages.timezoneNeedsDatetime(column.name.value, type: column.type), at: zone.location)
                    } else {
                        checkTimeZone(zone)
                    }
                }
            }
            let declared = Set(dataset.columns.map(\.name.value))
            for computed in dataset.computed where declared.contains(computed.name.value) {
                report(Messages.computedShadowsColumn(computed.name.value), at: computed.name.location)
            }
        }
        checkTimeZone(spec.report.timezone)
    }

    /// Checks an IANA time zone name against the system's zone database (skipped when it is unavailable).
    mutating func checkTimeZone(_ zone: Located<String>) {
        if zone.value == "UTC" || TimeZone(identifier: zone.value) != nil { return }
        let known = TimeZone.knownTimeZoneIdentifiers
        guard !known.isEmpty else { return }
        report(Messages.unknownTimeZone(zone.value, known: known), at: zone.location)
    }

    /// Phases: ids unique, in date order, not overlapping, only the last open-ended, none after the as-of date.
    mutating func checkPhases() {
        guard let phases = spec.phases else {
            if spec.report.asOf == .latestData {
                report(Messages.noPhases(needed: "`as_of: latest-data`"), at: spec.report.location)
            }
            return
        }
        if !phases.hasTimePerDataset {
            checkDataset(phases.dataset, usedBy: "phases", at: phases.location)
        } else {
            for entry in phases.timeColumns { checkDataset(entry.dataset, usedBy: "phases", at: phases.location) }
        }
        var seen: [String: SourceLocation] = [:]
        for period in phases.periods where !period.id.value.isEmpty {
            if let first = seen[period.id.value] {
                report(Messages.duplicateId("phase", period.id.value, firstLine: first.line ?? 0), at: period.id.location)
            } else {
                seen[period.id.value] = period.id.location
            }
        }
        var previous: (period: PeriodSpec, from: CivilDate, to: CivilDate?)?
        for (index, period) in phases.periods.enumerated() {
            guard case .fixed(let from, let to) = period.range, !undatedPeriods.contains(period.id.value) else { continue }
            if to == nil && index < phases.periods.count - 1 {
                report(Messages.openEndedNotLast(period.id.value), at: period.location)
            }
            if case .date(let asOf) = spec.report.asOf, from > asOf {
                report(Messages.startsAfterAsOf(period.id.value, from: from, asOf: asOf), at: period.location)
            }
            if let before = previous {
                if from < before.from {
                    report(Messages.phasesOutOfOrder(period.id.value, before: before.period.id.value), at: period.location)
                } else if let end = before.to, from <= end {
                    report(
                        Messages.phasesOverlap(period.id.value, from: from, previous: before.period.id.value, end: end),
                        at: period.location)
                }
            }
            previous = (period, from, to)
        }
        for exclusion in phases.exclusions where exclusion.reason.trimmingSpaces.isEmpty {
            report(Messages.missingValue(key: "reason"), at: exclusion.location)
        }
    }

    /// KPIs: datasets exist and have a time column when there are phases; percentage targets lie in 0–100%.
    mutating func checkKPIs() {
        for kpi in spec.kpis {
            checkDataset(kpi.dataset, usedBy: "KPI \(Messages.quoted(kpi.id.value))", at: kpi.location)
            if let phases = spec.phases, phases.hasTimePerDataset, let dataset = spec.dataset(for: kpi.dataset),
                spec.timeColumn(for: dataset) == nil, !phases.timeColumns.isEmpty
            {
                let covered = phases.timeColumns.compactMap { entry -> (String, String)? in
                    guard let name = entry.dataset?.value ?? phases.dataset?.value ?? spec.datasets.first?.name.value else {
                        return nil
                    }
                    return (name, entry.column.value)
                }
                report(
                    Messages.datasetWithoutTime(kpi: kpi.id.value, dataset: dataset.name.value, covered: covered),
                    at: kpi.dataset?.location ?? kpi.location)
            }
            guard kpi.format == .percent else { continue }
            for (name, value) in [("target", kpi.target), ("expected", kpi.expected)] {
                guard let value, value.value < 0 || value.value > 1 else { continue }
                report(Messages.percentOutOfRange(name, value: value.value, kpi: kpi.id.value), at: value.location)
            }
        }
    }

    /// Section and block ids: unique across the report (they name image files and `evidenced_by` targets).
    mutating func checkIds() {
        var seen: [String: SourceLocation] = [:]
        func claim(_ id: Located<String>, what: String) -> Message? {
            if let first = seen[id.value] { return Messages.duplicateId(what, id.value, firstLine: first.line ?? 0) }
            seen[id.value] = id.location
            return nil
        }
        for section in spec.sections {
            if let problem = claim(section.id, what: "section") { report(problem, at: section.id.location) }
            for block in section.blocks {
                guard let id = block.id else { continue }
                if let problem = claim(id, what: "block") { report(problem, at: id.location) }
            }
        }
    }
}
