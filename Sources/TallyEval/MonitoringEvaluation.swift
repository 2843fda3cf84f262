import TallyCore
import TallyData
import TallyFormula
import TallySpec
import TallyStats

/// Computes KPI-per-period series and their SPC analysis for trend, run and control chart blocks.
enum MonitoringEvaluation {
    /// What a monitoring block asks for.
    struct Request {
        let blockId: String
        let blockType: String
        let kpi: Located<String>
        let bucket: TimeBucket?
        let control: ControlChartBlock?
        let run: RunChartBlock?
    }

    /// Every monitoring block of the spec, in order, with its stable id.
    static func requests(in spec: Spec) -> [Request] {
        BlockIdentity.blocks(of: spec).compactMap { id, block in
            switch block.content {
            case .trendChart(let trend): return Request(blockId: id, blockType: block.type, kpi: trend.kpi, bucket: trend.period, control: nil, run: nil)
            case .controlChart(let chart): return Request(blockId: id, blockType: block.type, kpi: chart.kpi, bucket: chart.period, control: chart, run: nil)
            case .runChart(let chart): return Request(blockId: id, blockType: block.type, kpi: chart.kpi, bucket: chart.period, control: nil, run: chart)
            default: return nil
            }
        }
    }

    /// Evaluates every monitoring block.
    static func evaluate(
        spec: Spec, tables: [String: Table], days: [String: [Int]], phases: [ResolvedPhase], compiled: [String: KPIEvaluation.CompiledKPI],
        exclusions: [ExclusionSpec], diagnostics: inout [Diagnostic]
    ) -> [MonitoringResult] {
        requests(in: spec).compactMap { request in
            guard let kpi = compiled[request.kpi.value], let table = tables[kpi.dataset] else {
                if compiled[request.kpi.value] == nil, !spec.kpis.contains(where: { $0.id.value == request.kpi.value }) {
                    diagnostics.append(.error(.spec, "\(request.blockType) refers to KPI '\(request.kpi.value)', which is not defined", at: request.kpi.location))
                }
                return nil
            }
            guard let rowDays = days[kpi.dataset] else {
                diagnostics.append(.error(
                    .spec, "\(request.blockType) '\(request.blockId)' needs dates: dataset '\(kpi.dataset)' has no phase time column",
                    at: request.kpi.location, hint: "chart a KPI whose dataset has the column named in phases.time"))
                return nil
            }
            let unit = Period(rawValue: (request.bucket ?? kpi.spec.period).rawValue) ?? .week
            if let problem = tooManyPoints(unit, rowDays: rowDays, phases: phases, block: "\(request.blockType) '\(request.blockId)'",
                                           at: request.kpi.location) {
                diagnostics.append(problem)
                return nil
            }
            return evaluate(request, kpi: kpi, table: table, rowDays: rowDays, unit: unit, phases: phases, exclusions: exclusions)
        }
    }

    private static func evaluate(
        _ request: Request, kpi: KPIEvaluation.CompiledKPI, table: Table, rowDays: [Int], unit: Period, phases: [ResolvedPhase],
        exclusions: [ExclusionSpec]
    ) -> MonitoringResult {
        // Only subgroup charts (x̄-R, x̄-S) use the values; every other series needs the counts per period.
        let chart = request.control?.chart.value
        let (points, samples) = periodSeries(
            kpi: kpi, table: table, rowDays: rowDays, unit: unit, phases: phases, exclusions: exclusions,
            samplesNeed: chart == .xbarR || chart == .xbarS ? .values : .counts)
        var result = MonitoringResult(
            blockId: request.blockId, blockType: request.blockType, kpi: kpi.spec.id.value, period: unit.rawValue, points: points,
            chart: nil, nhs: nil)
        if request.control != nil || request.run != nil {
            let chart = controlChart(request, kpi: kpi, points: points, phases: phases, samples: samples)
            result.chart = chart
            result.nhs = SPC.nhsSummary(chart, improvement: improvement(kpi), target: kpi.spec.target?.value)
        }
        return result
    }

    /// The NHS improvement direction of a KPI.
    static func improvement(_ kpi: KPIEvaluation.CompiledKPI) -> ImprovementDirection {
        kpi.spec.better == .higher ? .increase : (kpi.spec.better == .lower ? .decrease : .neutral)
    }

    /// Most points one series may have (e.g. 190 years of weeks); a longer span is an error, never a cut.
    static let maxPoints = 10_000

    /// The days a series covers: from the first phase's start (or the first data day) to the last phase's end
    /// (or the last data day).
    static func span(rowDays: [Int], phases: [ResolvedPhase]) -> (first: Int, last: Int) {
        if let from = phases.first?.firstDay, let to = phases.last?.lastDay { return (from, to) }
        var low: Int?, high: Int?
        for day in rowDays where day != PhaseAssignment.noDay {
            low = min(low ?? day, day)
            high = max(high ?? day, day)
        }
        let first = phases.first?.firstDay ?? low ?? 0
        return (first, phases.last?.lastDay ?? high ?? first)
    }

    /// The error for a series of `unit` periods over the covered span that would have more than `maxPoints` points, or
    /// nil. Every block with a series checks it first: refused rather than cut short, since a series truncated at the
    /// limit would silently drop the latest data.
    static func tooManyPoints(_ unit: Period, rowDays: [Int], phases: [ResolvedPhase], block: String, at location: SourceLocation?) -> Diagnostic? {
        let (first, last) = span(rowDays: rowDays, phases: phases)
        guard periodCount(unit, from: first, to: last) > maxPoints else { return nil }
        return .error(
            .data, "\(block) would have more than \(maxPoints) points, one per \(unit.rawValue) "
                + "from \(CivilDate(daysSinceEpoch: first)) to \(CivilDate(daysSinceEpoch: last))", at: location,
            hint: "give the phases dates that cover only the data to chart, check the time column for stray dates (e.g. year 0 or 9999), "
                + "or chart a longer period")
    }

    /// Periods from `first` to `last`, counted up to `maxPoints + 1`.
    static func periodCount(_ unit: Period, from first: Int, to last: Int) -> Int {
        var count = 0
        var start = unit.start(ofDay: first)
        while start <= last && count <= maxPoints {
            count += 1
            start = unit.next(afterStart: start)
        }
        return count
    }

    /// A KPI per period over the phases' span (gaps where a period has no data), with its observations.
    static func periodSeries(
        kpi: KPIEvaluation.CompiledKPI, table: Table, rowDays: [Int], unit: Period, phases: [ResolvedPhase],
        exclusions: [ExclusionSpec], samplesNeed: PhaseSamples.Need = .counts
    ) -> (points: [PeriodValue], samples: PhaseSamples?) {
        let (first, last) = span(rowDays: rowDays, phases: phases)
        var starts: [Int] = []
        var start = unit.start(ofDay: first)
        while start <= last && starts.count < maxPoints {
            // A period less than half inside the covered span (e.g. 4 days of January) would be a misleading point.
            let end = unit.next(afterStart: start) - 1
            let covered = min(end, last) - max(start, first) + 1
            if covered * 2 >= end - start + 1 { starts.append(start) }
            start = unit.next(afterStart: start)
        }
        let excluded = exclusions.map { ($0.from.daysSinceEpoch, $0.to.daysSinceEpoch) }
        var groups = [Int32](repeating: -1, count: table.rowCount)
        if !starts.isEmpty, last >= first {
            // The period of every day in the span, worked out once (exclusions and partial periods are −1):
            // each row is then one lookup.
            let periodOfDay = (first...last).map { day -> Int32 in
                if excluded.contains(where: { day >= $0.0 && day <= $0.1 }) { return -1 }
                return binarySearch(starts, unit.start(ofDay: day)).map { Int32($0) } ?? -1
            }
            periodOfDay.withUnsafeBufferPointer { lookup in
                groups.withUnsafeMutableBufferPointer { out in
                    rowDays.withUnsafeBufferPointer { days in
                        for row in 0..<min(out.count, days.count) {
                            let day = days[row]
                            guard day != PhaseAssignment.noDay, day >= first, day <= last else { continue }
                            out[row] = lookup[day - first]
                        }
                    }
                }
            }
        }
        let values = kpi.program.evaluate(table: table, groupIds: groups, groupCount: max(1, starts.count))
        let samples = kpi.sampleColumn.flatMap { table.column(named: $0) }.map { PhaseSamples(column: $0, groups: groups, groupCount: max(1, starts.count), need: samplesNeed) }
        var points: [PeriodValue] = []
        for (index, periodStart) in starts.enumerated() {
            let n = samples?.count(index) ?? 0
            var value: Double? = nil
            if case .number(let v) = values[index], v.isFinite, n > 0 || samples == nil { value = v }
            let phase = phases.firstIndex { periodStart >= $0.firstDay && periodStart <= $0.lastDay }
                ?? phases.firstIndex { unit.next(afterStart: periodStart) - 1 >= $0.firstDay && periodStart <= $0.lastDay } ?? -1
            points.append(PeriodValue(
                start: CivilDate(daysSinceEpoch: periodStart).description, startDay: periodStart, label: unit.readableLabel(start: periodStart),
                value: value, n: n, phase: phase))
        }
        return (points, samples)
    }

    /// Runs the SPC analysis the block asks for over the period values.
    private static func controlChart(
        _ request: Request, kpi: KPIEvaluation.CompiledKPI, points: [PeriodValue], phases: [ResolvedPhase], samples: PhaseSamples?
    ) -> ControlChartResult {
        var chartPhases: [ChartPhase] = []
        let freeze = request.control?.limits == .freeze
        for (index, phase) in phases.enumerated() where index > 0 {
            guard let startIndex = points.firstIndex(where: { $0.phase == index }), startIndex > 0 else { continue }
            chartPhases.append(ChartPhase(start: startIndex, label: phase.label, reason: phase.change ?? phase.changeReason, limits: freeze ? .extendPrevious : .recalculate))
        }
        if !phases.isEmpty {
            // The first chart phase always starts at the first point; later ones at each change.
            chartPhases.insert(ChartPhase(start: 0, label: phases[0].label, limits: .recalculate), at: 0)
        }
        let values = points.map { $0.value ?? .nan }
        if request.run != nil {
            return SPC.controlChart(kind: .run, values: values, phases: chartPhases, options: ControlChartOptions(ruleSets: [.anhoej]))
        }
        let type = request.control?.chart.value ?? .xmr
        let rules: RuleSet
        switch request.control?.rules ?? .nhs {
        case .nhs: rules = .nhs
        case .westernElectric: rules = .westernElectric
        case .nelson: rules = .nelson
        }
        var options = rules.name == .nhs ? ControlChartOptions.nhsMakingDataCount : ControlChartOptions(ruleSets: [rules])
        options.ruleSets = [rules]
        let sizes = points.map { Double($0.n) }
        switch type {
        case .xmr:
            return SPC.controlChart(kind: .individuals, values: values, phases: chartPhases, options: options)
        case .p, .pPrime, .np:
            // Counts of "successes" per period: the KPI share times its subgroup size.
            let counts = points.map { point -> Double in point.value.map { ($0 * Double(point.n)).rounded() } ?? .nan }
            let kind: ControlChartKind = type == .p ? .p : (type == .np ? .np : .pPrime)
            return SPC.controlChart(kind: kind, values: counts, subgroupSizes: sizes, phases: chartPhases, options: options)
        case .c, .g, .t:
            let kind: ControlChartKind = type == .c ? .c : (type == .g ? .g : .t)
            return SPC.controlChart(kind: kind, values: values, phases: chartPhases, options: options)
        case .u, .uPrime:
            // Rates per unit: the KPI value is a rate, the count is value × n.
            let counts = points.map { point -> Double in point.value.map { $0 * Double(point.n) } ?? .nan }
            return SPC.controlChart(kind: type == .u ? .u : .uPrime, values: counts, subgroupSizes: sizes, phases: chartPhases, options: options)
        case .xbarR, .xbarS:
            let subgroups = points.indices.map { samples?.observations($0) ?? [] }
            return SPC.controlChart(kind: type == .xbarR ? .xbarR : .xbarS, subgroups: subgroups, phases: chartPhases, options: options)
        }
    }

    static func binarySearch(_ sorted: [Int], _ value: Int) -> Int? {
        var low = 0, high = sorted.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sorted[mid] == value { return mid }
            if sorted[mid] < value { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}

