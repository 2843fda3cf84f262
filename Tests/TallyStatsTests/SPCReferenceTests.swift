// The SPC reference suite: every chart in ../shared/reference/spc/expected.json, checked with the method it states.
//
// Each case id ("dataset/chart") maps to a handler that builds the chart the way the case describes (baseline,
// exclusions, phases, options) and compares centre lines, limits, σ and flagged points within the case's
// tolerance. A case without a handler fails. Where Tally's documented choice differs from the reference, the
// handler says so (`note`) and checks the documented alternative.

import Foundation
import Testing
import TallyStats
import TallyTestSupport

@Suite("SPC reference suite (../shared/reference/spc)")
struct SPCReferenceTests {
    @Test("expected.json is present and every case has a handler",
          .enabled(if: SPCReference.directory != nil, "../shared/reference/spc not found beside the repository; reference suite skipped"))
    func everyCaseHasAHandler() {
        #expect(SPCReference.caseIDs.count >= 80, "expected.json lists \(SPCReference.caseIDs.count) cases")
        let unhandled = SPCReference.caseIDs.filter { SPCReferenceHandlers.handler(for: $0) == nil }
        #expect(unhandled.isEmpty, "cases without a handler: \(unhandled)")
    }

    @Test("reference case", .enabled(if: SPCReference.directory != nil, "../shared/reference/spc not found; skipped"),
          arguments: SPCReference.caseIDs)
    func referenceCase(_ id: String) throws {
        let c = ReferenceCase(id: id)
        guard let handler = SPCReferenceHandlers.handler(for: id) else {
            Issue.record("\(id): unhandled case (chart_type \(c.chartType))")
            return
        }
        #expect(!c.rows.isEmpty || c.chartType == "rule_case", "\(id): CSV not readable")
        handler(c)
        #expect(c.checks > 0, "\(id): the handler compared nothing")
        for note in c.notes { print("[\(id)] documented difference: \(note)") }
    }
}

/// Handlers by case id ("dataset/chart"), or by dataset ("dataset/*") for families of literal cases.
enum SPCReferenceHandlers {
    typealias Handler = @Sendable (ReferenceCase) -> Void

    static func handler(for id: String) -> Handler? {
        if let h = table[id] { return h }
        let dataset = id.split(separator: "/").first.map(String.init) ?? ""
        return table[dataset + "/*"]
    }

    // MARK: Building blocks

    static func baseline(_ n: Int) -> [ChartPhase] {
        [ChartPhase(start: 0, label: "Baseline"), ChartPhase(start: n, label: "Monitoring", limits: .extendPrevious)]
    }

    static func parts(_ n: Int) -> [ChartPhase] {
        [ChartPhase(start: 0, label: "Part 1"), ChartPhase(start: n, label: "Part 2", reason: "change")]
    }

    static func exclude(_ oneBased: [Int]) -> [PointExclusion] {
        oneBased.map { PointExclusion(index: $0 - 1, reason: "assignable cause") }
    }

    /// Subgroups of a long-format CSV, in order of first appearance of the key.
    static func subgroups(_ c: ReferenceCase, key: String, value: String) -> [[Double]] {
        var order: [String] = [], groups: [String: [Double]] = [:]
        for row in c.rows {
            let k = row[key] ?? ""
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(Double(row[value] ?? "") ?? .nan)
        }
        return order.map { groups[$0] ?? [] }
    }

    /// Checks phase 0's centre, limits and (optionally) process σ = σ_point × √n.
    static func checkPhase(_ c: ReferenceCase, _ r: ControlChartResult, phase: Int = 0, sigmaScale: Double = 1) {
        let s = r.phases[phase]
        c.near(s.centre, key: "center")
        if c.value("ucl") != nil { c.near(s.upperLimit, key: "ucl") }
        if c.value("lcl") != nil { c.near(s.lowerLimit, key: "lcl") }
        if c.value("sigma") != nil { c.near(s.sigma.map { $0 * sigmaScale }, key: "sigma") }
    }

    /// Summary columns of qicharts2 `summary(qic(...))` for one facet: CL, aLCL, aUCL, runs, sigma.signal.
    static func checkSummary(_ c: ReferenceCase, _ r: ControlChartResult, _ s: [String: Any], label: String, tol: Double) {
        let lcl = r.line(\.lowerLimit).compactMap { $0 }, ucl = r.line(\.upperLimit).compactMap { $0 }
        c.near(r.phases[0].centre, c.number(s["CL"]), tol: tol, "\(label) CL")
        c.near(lcl.reduce(0, +) / Double(max(lcl.count, 1)), c.number(s["aLCL"]), tol: tol, "\(label) aLCL")
        c.near(ucl.reduce(0, +) / Double(max(ucl.count, 1)), c.number(s["aUCL"]), tol: tol, "\(label) aUCL")
        let a = r.runsAnalyses.first
        c.equal(a?.observations, c.number(s["n.obs"]).map { Int($0) }, "\(label) n.obs")
        c.equal(a?.usefulObservations, c.number(s["n.useful"]).map { Int($0) }, "\(label) n.useful")
        c.equal(a?.longestRun, c.number(s["longest.run"]).map { Int($0) }, "\(label) longest.run")
        c.equal(a?.longestRunMaximum, c.number(s["longest.run.max"]).map { Int($0) }, "\(label) longest.run.max")
        c.equal(a?.crossings, c.number(s["n.crossings"]).map { Int($0) }, "\(label) n.crossings")
        c.equal(a?.crossingsMinimum, c.number(s["n.crossings.min"]).map { Int($0) }, "\(label) n.crossings.min")
        c.equal(a?.signal, c.number(s["runs.signal"]).map { $0 != 0 }, "\(label) runs.signal")
        c.equal(r.beyondLimits.count, c.number(s["sigma.signal"]).map { Int($0) }, "\(label) sigma.signal")
    }

    /// Sums `n` and `days` of hospital_infections per key, in order of first appearance.
    static func aggregate(_ rows: [[String: String]], key: ([String: String]) -> String) -> (keys: [String], n: [Double], days: [Double]) {
        var order: [String] = [], n: [String: Double] = [:], d: [String: Double] = [:]
        for row in rows {
            let k = key(row)
            if n[k] == nil { order.append(k) }
            n[k, default: 0] += Double(row["n"] ?? "") ?? .nan
            d[k, default: 0] += Double(row["days"] ?? "") ?? .nan
        }
        return (order, order.map { n[$0] ?? 0 }, order.map { d[$0] ?? 0 })
    }

    static let we = ControlChartOptions(ruleSets: [.westernElectric])

    // MARK: The table

    static let table: [String: Handler] = {
        var t: [String: Handler] = [:]

        // Piston rings (Montgomery 6.1 / qcc vignette): phase I limits frozen over phase II.
        t["pistonrings/xbar_R_phaseI"] = { c in
            let g = subgroups(c, key: "sample", value: "diameter")
            let r = SPC.controlChart(kind: .xbarR, subgroups: g, phases: baseline(25), options: we)
            checkPhase(c, r, sigmaScale: 5.0.squareRoot())
            c.points(r.beyondLimits.filter { $0 < 25 }, key: "flagged_points.phase1")
            c.points(r.beyondLimits.filter { $0 >= 25 }, key: "flagged_points.phase2")
            for rule in 1...4 {
                c.points(r.signals(rule: "we.\(rule)").flatMap(\.completingPoints),
                         key: "flagged_points.western_electric_1to4_qcc_semantics.\(rule)")
            }
        }
        t["pistonrings/R_phaseI"] = { c in
            let r = SPC.controlChart(kind: .range, subgroups: subgroups(c, key: "sample", value: "diameter"), phases: baseline(25))
            checkPhase(c, r)
        }
        t["pistonrings/S_phaseI"] = { c in
            let g = subgroups(c, key: "sample", value: "diameter")
            let opts = ControlChartOptions(subgroupSigma: .unbiasedWeighted)
            let r = SPC.controlChart(kind: .standardDeviation, subgroups: g, phases: baseline(25), options: opts)
            c.near(r.phases[0].centre, key: "center")
            c.near(r.phases[0].upperLimit, key: "ucl")
            c.near(r.phases[0].lowerLimit, key: "lcl")
            // qcc reports the process σ (S̄/c4); Tally's S-chart phase σ is the σ of s, so σ is read from X̄–S.
            let x = SPC.controlChart(kind: .xbarS, subgroups: g, phases: baseline(25), options: opts)
            c.near(x.phases[0].sigma.map { $0 * 5.0.squareRoot() }, key: "sigma")
        }
        t["pistonrings_qicharts2/xbar_S"] = { c in
            let r = SPC.controlChart(kind: .xbarS, subgroups: subgroups(c, key: "sample", value: "obs"))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["pistonrings_qicharts2/S"] = { c in
            let r = SPC.controlChart(kind: .standardDeviation, subgroups: subgroups(c, key: "sample", value: "obs"))
            checkPhase(c, r)
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["pistonrings_varn/xbar_S_varn"] = { c in
            let r = SPC.controlChart(kind: .xbarS, subgroups: subgroups(c, key: "sample", value: "obs"))
            c.near(r.phases[0].centre, key: "center")
            c.nearAll(r.points.map(\.subgroupSize), key: "per_point.n")
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["pistonrings_varn/S_varn"] = { c in
            let r = SPC.controlChart(kind: .standardDeviation, subgroups: subgroups(c, key: "sample", value: "obs"))
            c.near(r.phases[0].centre, key: "center")
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }

        // Orange juice (Montgomery 7.1): p and np charts, revised limits, a new baseline.
        t["orangejuice/p_trial"] = { c in
            let r = SPC.controlChart(kind: .p, values: Array(c.column("D").prefix(30)), subgroupSizes: Array(c.column("size").prefix(30)))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }
        t["orangejuice/np_trial"] = { c in
            let r = SPC.controlChart(kind: .np, values: Array(c.column("D").prefix(30)), subgroupSizes: Array(c.column("size").prefix(30)))
            checkPhase(c, r)
        }
        t["orangejuice/p_revised_excl_15_23_with_phaseII"] = { c in
            let opts = ControlChartOptions(exclusions: exclude([15, 23]), ruleSets: [.westernElectric])
            let r = SPC.controlChart(kind: .p, values: c.column("D"), subgroupSizes: c.column("size"), phases: baseline(30), options: opts)
            checkPhase(c, r)
            c.points(r.beyondLimits.filter { $0 < 30 }, key: "flagged_points.phase1_beyond")
            c.points(r.beyondLimits.filter { $0 >= 30 }, key: "flagged_points.phase2_beyond")
            // qcc semantics: the 8th and later points of the run (the run itself starts at sample 34).
            c.points(r.signals(rule: "we.4").flatMap(\.completingPoints), key: "flagged_points.western_electric_4_8_in_a_row_all_54")
            c.equal(r.signals(rule: "we.4").first?.points.first, 33, "the run starts at sample 34")
        }
        t["orangejuice2/p_new_baseline"] = { c in
            let trial = c.text("trial").filter { $0 == "True" }.count
            let r = SPC.controlChart(kind: .p, values: c.column("D"), subgroupSizes: c.column("size"), phases: baseline(trial))
            checkPhase(c, r)
            let ids = c.column("sample").map { Int($0) }
            c.points(r.beyondLimits.map { ids[$0] }, key: "flagged_points.beyond_limits_sample_ids", offset: 0)
        }
        t["orangejuice_full94/p_two_parts_exclude"] = { c in
            let opts = ControlChartOptions(exclusions: exclude([15, 23]))
            let r = SPC.controlChart(kind: .p, values: c.column("count"), subgroupSizes: c.column("size"), phases: parts(30), options: opts)
            let phases = c.value("phases") as? [[String: Any]] ?? []
            c.equal(phases.count, 2, "phase count")
            for (p, e) in phases.enumerated() where p < r.phases.count {
                c.near(r.phases[p].centre, c.number(e["center"]), "part \(p + 1) center")
                c.near(r.phases[p].upperLimit, c.number(e["ucl"]), "part \(p + 1) ucl")
                c.near(r.phases[p].lowerLimit, c.number(e["lcl"]), "part \(p + 1) lcl")
                c.points(r.beyondLimits.filter { r.points[$0].phase == p }, key: "sigma_signal", expected:
                    (e["sigma_signal"] as? [Any])?.compactMap { c.number($0).map { Int($0) } })
                c.runs(r.runsAnalyses.first { $0.phase == p }, key: "runs_analysis", root: e)
            }
        }

        // Printed circuit boards (Montgomery 7.3): c and u charts with revised limits.
        t["circuit/c_trial"] = { c in
            let r = SPC.controlChart(kind: .c, values: Array(c.column("x").prefix(26)))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }
        t["circuit/c_revised_excl_6_20"] = { c in
            let r = SPC.controlChart(kind: .c, values: c.column("x"), phases: baseline(26),
                                     options: ControlChartOptions(exclusions: exclude([6, 20])))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
            c.runs(r.runsAnalyses.first, key: "flagged_points.runs_analysis_all_46_vs_revised_cl")
        }
        t["circuit/u_revised_excl_6_20"] = { c in
            let r = SPC.controlChart(kind: .u, values: Array(c.column("x").prefix(26)), subgroupSizes: Array(c.column("size").prefix(26)),
                                     options: ControlChartOptions(exclusions: exclude([6, 20])))
            checkPhase(c, r)
        }
        t["pcmanufact/u"] = { c in
            let r = SPC.controlChart(kind: .u, values: c.column("x"), subgroupSizes: c.column("size"))
            // qcc prints σ of a single unit (√ū); Tally's phase σ is that of the plotted rate (√(ū/n)).
            checkPhase(c, r, sigmaScale: 5.0.squareRoot())
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }

        // Viscosity and loan cost (Montgomery 6.4–6.5): individuals and moving-range charts.
        t["viscosity/I_trial_MR"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: Array(c.column("viscosity").prefix(20)), options: we)
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.computed_beyond_limits")
            c.points(r.signals(rule: "we.1").flatMap(\.completingPoints), key: "flagged_points.computed_we_rules.1")
            c.points(r.signals(rule: "we.4").flatMap(\.completingPoints), key: "flagged_points.computed_we_rules.4")
        }
        t["viscosity/I_trial_SD"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: Array(c.column("viscosity").prefix(20)),
                                     options: ControlChartOptions(individualsMethod: .standardDeviation))
            checkPhase(c, r)
        }
        t["viscosity/I_drop_batch4_with_phaseII"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: c.column("viscosity"), phases: baseline(20),
                                     options: ControlChartOptions(exclusions: exclude([4])))
            checkPhase(c, r)
            c.points(r.beyondLimits.filter { $0 >= 20 }, key: "flagged_points.phase2_beyond_limits_batch_ids")
        }
        t["loan_cost/I_freeze20"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: c.column("cost"), phases: baseline(20))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["loan_cost/MR_freeze20"] = { c in
            let r = SPC.controlChart(kind: .movingRange, values: c.column("cost"), phases: baseline(20))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
        }

        // Wheeler, Making Sense of Data: 2.660 / 3.268 constants, median moving range, detection rules.
        let wheeler = ControlChartOptions(individualsMethod: .nhs, movingRangeUpperFactor: 3.268)
        t["wheeler_verify_software/xmr"] = { c in
            let x = c.column("x")
            let i = SPC.controlChart(kind: .individuals, values: x, options: wheeler)
            let m = SPC.controlChart(kind: .movingRange, values: x, options: wheeler)
            checkPhase(c, i)
            c.near(m.phases[0].centre, key: "mr_center")
            c.near(m.phases[0].upperLimit, key: "mr_ucl")
            c.nearAll(m.points.map(\.value), key: "moving_ranges")
            c.points(i.beyondLimits, key: "flagged_points.x_beyond_limits")
            c.points(m.beyondLimits, key: "flagged_points.mr_beyond_url")
        }
        t["wheeler_peak_flow/xmr"] = { c in
            let x = c.column("x")
            let i = SPC.controlChart(kind: .individuals, values: x, options: wheeler)
            let m = SPC.controlChart(kind: .movingRange, values: x, options: wheeler)
            checkPhase(c, i)
            c.near(m.phases[0].centre, key: "mr_center")
            c.near(m.phases[0].upperLimit, key: "mr_ucl")
            c.note("book values are from rounded inputs; exact arithmetic (the 'computed' block) is checked to 1e-3")
            c.near(i.phases[0].centre, key: "computed.center", tol: 1e-3)
            c.near(i.phases[0].upperLimit, key: "computed.ucl", tol: 1e-3)
            c.near(i.phases[0].lowerLimit, key: "computed.lcl", tol: 1e-3)
            c.near(m.phases[0].upperLimit, key: "computed.mr_ucl", tol: 1e-3)
        }
        t["wheeler_median_mr/xmr_median_mr"] = { c in
            let x = c.column("x")
            let opts = ControlChartOptions(individualsMethod: .medianMovingRange)
            let i = SPC.controlChart(kind: .individuals, values: x, options: opts)
            let m = SPC.controlChart(kind: .movingRange, values: x, options: opts)
            checkPhase(c, i)
            c.near(m.phases[0].centre, key: "mr_center")
            c.near(m.phases[0].upperLimit, key: "mr_ucl")
        }
        t["wheeler_accounts_receivable/rule1_given_upper_limit"] = { c in
            let x = c.column("ar_pct_sales")
            let i = SPC.controlChart(kind: .individuals, values: x, options: wheeler)
            let m = SPC.controlChart(kind: .movingRange, values: x, options: wheeler)
            c.note("Tally computes its own limits (UNPL 60.77 vs the book's 60.7); the flagged points are the same")
            c.near(i.phases[0].centre, key: "computed_own_limits.center", tol: 1e-3)
            c.near(i.phases[0].upperLimit, key: "computed_own_limits.ucl", tol: 1e-3)
            c.near(i.phases[0].lowerLimit, key: "computed_own_limits.lcl", tol: 1e-3)
            c.near(m.phases[0].upperLimit, key: "computed_own_limits.mr_ucl", tol: 1e-3)
            c.points(i.beyondLimits, key: "flagged_points.x_beyond_limits")
            c.equal(x.contains { $0 == 60.7 && $0 <= (i.phases[0].upperLimit ?? 0) }, true, "point on the book's limit is inside")
            c.points(m.beyondLimits, key: "mr_beyond_url")
        }
        t["wheeler_smokers/rule2_runs_about_central_line"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: c.column("pct_daily_smokers"),
                                     options: ControlChartOptions(individualsMethod: .nhs, ruleSets: [.westernElectric]))
            c.near(r.phases[0].centre, key: "computed_limits.center", tol: 1e-3)
            c.near(r.phases[0].upperLimit, key: "computed_limits.ucl", tol: 1e-3)
            c.near(r.phases[0].lowerLimit, key: "computed_limits.lcl", tol: 1e-3)
            // Wheeler flags every point of the run: Tally's `points` semantics.
            c.points(r.flaggedPoints(rule: "we.4"), key: "flagged_points.points")
        }

        // NHSRplotthedots: moving-range screening on and off, point types.
        for (chart, screen) in [("xmr_mdc_screened", true), ("xmr_mdc_unscreened_excel", false)] {
            t["ptd_screening_demo/\(chart)"] = { c in
                let opts = ControlChartOptions(individualsMethod: .nhs, screenMovingRanges: screen, ruleSets: [.nhs])
                let r = SPC.controlChart(kind: .individuals, values: c.column("value"), options: opts)
                checkPhase(c, r)
                c.near(r.phases[0].centre, key: "computed.center", tol: 1e-5)
                c.near(r.phases[0].upperLimit, key: "computed.ucl", tol: 1e-5)
                c.near(r.phases[0].lowerLimit, key: "computed.lcl", tol: 1e-5)
                let summary = SPC.nhsSummary(r, improvement: .increase)
                let improving = summary.pointTypes.enumerated().filter { $0.element == .specialCauseImprovement }.map(\.offset)
                c.points(improving, key: "flagged_points.special_cause_improvement")
                let types = (c.value("computed.types") as? [String]) ?? []
                let expectedTypes: [NHSPointType] = types.map { $0 == "Common Cause" ? .commonCause : .specialCauseImprovement }
                c.equal(summary.pointTypes, expectedTypes, "computed.types")
            }
        }

        // C. difficile (qicharts2 cdi): run charts with freeze and parts, c and u charts by part.
        t["cdi/run_all"] = { c in
            let r = SPC.controlChart(kind: .run, values: c.column("n"))
            c.near(r.phases[0].centre, key: "center")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
            c.equal(r.signals.isEmpty, false, "signals present")
        }
        t["cdi/run_freeze24"] = { c in
            let r = SPC.controlChart(kind: .run, values: c.column("n"), phases: baseline(24))
            c.near(r.phases[0].centre, key: "center")
            c.equal(r.runsAnalyses.first?.longestRun, c.number(c.value("longest_run")).map { Int($0) }, "longest_run")
            c.runs(r.runsAnalyses.first, key: "computed.runs_analysis_all_36_vs_baseline_median")
            let run = r.signals(rule: "anhoej.longest-run").first
            c.equal(run?.points.count, 15, "15-point run flagged")
            c.equal(run?.direction, .low, "run below the median")
            c.equal(run?.points.filter { $0 >= 24 }.count, c.number(c.value("computed.longest_run_below_within_months_25_36")).map { Int($0) },
                    "run points within months 25-36")
        }
        t["cdi/run_part24"] = { c in
            let r = SPC.controlChart(kind: .run, values: c.column("n"), phases: parts(24))
            let phases = c.value("phases") as? [[String: Any]] ?? []
            c.equal(phases.count, r.phases.count, "phase count")
            for (p, e) in phases.enumerated() where p < r.phases.count {
                c.near(r.phases[p].centre, c.number(e["center"]), "part \(p + 1) center")
                c.runs(r.runsAnalyses.first { $0.phase == p }, key: "runs_analysis", root: e)
            }
        }
        t["cdi/c_part24"] = { c in
            let r = SPC.controlChart(kind: .c, values: c.column("n"), phases: parts(24))
            let phases = c.value("phases") as? [[String: Any]] ?? []
            c.equal(phases.count, r.phases.count, "phase count")
            for (p, e) in phases.enumerated() where p < r.phases.count {
                let b = r.points[r.phases[p].start].band
                c.near(r.phases[p].centre, c.number(e["center"]), "part \(p + 1) center")
                c.near(b?.upperLimit, c.number(e["ucl"]), "part \(p + 1) ucl")
                c.near(b?.upper2Sigma, c.number(e["ucl95"]), "part \(p + 1) ucl95")
                c.near(b?.lower2Sigma, c.number(e["lcl95"]), "part \(p + 1) lcl95")
                c.near(b?.lowerLimit, c.number(e["lcl"]), "part \(p + 1) lcl")
            }
            c.equal(r.points[24].band?.lowerClamped, true, "part 2 lower limit clamped at 0")
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }
        t["cdi/u_part24_per10000"] = { c in
            let r = SPC.controlChart(kind: .u, values: c.column("n"), subgroupSizes: c.column("days"), phases: parts(24),
                                     options: ControlChartOptions(multiplier: 10_000))
            let phases = c.value("phases") as? [[String: Any]] ?? []
            c.equal(phases.count, r.phases.count, "phase count")
            for (p, e) in phases.enumerated() where p < r.phases.count {
                let range = r.phases[p].start..<(r.phases[p].start + r.phases[p].pointCount)
                c.near(r.phases[p].centre, c.number(e["center"]), tol: 1e-5, "part \(p + 1) center")
                c.nearAll(range.map { r.points[$0].band?.upperLimit }, key: "ucl", root: e, tol: 1e-5)
                c.nearAll(range.map { r.points[$0].band?.lowerLimit }, key: "lcl", root: e, tol: 1e-5)
            }
        }

        // Hospital infections (qicharts2): u charts by month, by facet, and a funnel over hospitals.
        t["hospital_infections/u_total_by_month"] = { c in
            let a = aggregate(c.rows) { $0["month"] ?? "" }
            let r = SPC.controlChart(kind: .u, values: a.n, subgroupSizes: a.days)
            if let s = c.value("summary") as? [String: Any] { checkSummary(c, r, s, label: "summary", tol: c.tolerance) }
            let scaled = SPC.controlChart(kind: .u, values: a.n, subgroupSizes: a.days, options: ControlChartOptions(multiplier: 10_000))
            let tol = c.number(c.value("per_point_x10000.tolerance"))
            c.nearAll(scaled.line(\.upperLimit), key: "per_point_x10000.ucl", tol: tol)
            c.nearAll(scaled.line(\.upper2Sigma), key: "per_point_x10000.ucl95", tol: tol)
            c.nearAll(scaled.line(\.lower2Sigma), key: "per_point_x10000.lcl95", tol: tol)
            c.nearAll(scaled.line(\.lowerLimit), key: "per_point_x10000.lcl", tol: tol)
        }
        t["hospital_infections/u_facet_infection"] = { c in
            for s in c.value("summary") as? [[String: Any]] ?? [] {
                let infection = s["facet1"] as? String ?? ""
                let a = aggregate(c.rows.filter { $0["infection"] == infection }) { $0["month"] ?? "" }
                checkSummary(c, SPC.controlChart(kind: .u, values: a.n, subgroupSizes: a.days), s, label: infection, tol: c.tolerance)
            }
        }
        t["hospital_infections/u_facet_hospital_x_infection"] = { c in
            for s in c.value("summary") as? [[String: Any]] ?? [] {
                let h = s["facet1"] as? String ?? "", inf = s["facet2"] as? String ?? ""
                let a = aggregate(c.rows.filter { $0["hospital"] == h && $0["infection"] == inf }) { $0["month"] ?? "" }
                checkSummary(c, SPC.controlChart(kind: .u, values: a.n, subgroupSizes: a.days), s, label: "\(h)×\(inf)", tol: c.tolerance)
            }
        }
        t["hospital_infections/u_funnel_2016H2"] = { c in
            let subset = c.rows.filter { ($0["month"] ?? "") >= "2016-07-01" }
            // reorder(hospital, days): hospitals by their mean risk days (ascending) over the subset.
            let byHospital = aggregate(subset) { $0["hospital"] ?? "" }
            let rowsPerHospital = Dictionary(grouping: subset) { $0["hospital"] ?? "" }.mapValues { Double($0.count) }
            let order = zip(byHospital.keys, byHospital.days).sorted { ($0.1 / (rowsPerHospital[$0.0] ?? 1)) < ($1.1 / (rowsPerHospital[$1.0] ?? 1)) }.map(\.0)
            for s in c.value("summary") as? [[String: Any]] ?? [] {
                let infection = s["facet1"] as? String ?? ""
                let a = aggregate(subset.filter { $0["infection"] == infection }) { $0["hospital"] ?? "" }
                let idx = order.compactMap { a.keys.firstIndex(of: $0) }
                let r = SPC.controlChart(kind: .u, values: idx.map { a.n[$0] }, subgroupSizes: idx.map { a.days[$0] },
                                         options: ControlChartOptions(multiplier: 10_000))
                checkSummary(c, r, s, label: infection, tol: c.tolerance)
            }
        }

        // A&E four-hour performance (qicharts2 nhs_accidents): Laney p′ and u′ against the classic p chart.
        t["nhs_accidents/pprime_laney"] = { c in
            let x = c.column("seen_within_4h"), n = c.column("attendances")
            let r = SPC.controlChart(kind: .pPrime, values: x, subgroupSizes: n,
                                     options: ControlChartOptions(screenMovingRanges: true, multiplier: 100))
            c.near(r.phases[0].centre, key: "center", tol: 1e-6)
            c.near(r.phases[0].statistics.sigmaZ, key: "sigma_z", tol: 1e-6)
            c.nearAll(r.line(\.upperLimit), key: "per_point_percent.ucl")
            c.nearAll(r.line(\.upper2Sigma), key: "per_point_percent.ucl95")
            c.nearAll(r.line(\.lower2Sigma), key: "per_point_percent.lcl95")
            c.nearAll(r.line(\.lowerLimit), key: "per_point_percent.lcl")
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
            let unscreened = SPC.controlChart(kind: .pPrime, values: x, subgroupSizes: n)
            c.near(unscreened.phases[0].statistics.sigmaZ, key: "computed_without_screening.sigma_z", tol: 1e-6)
        }
        t["nhs_accidents/uprime_laney"] = { c in
            let r = SPC.controlChart(kind: .uPrime, values: c.column("seen_within_4h"), subgroupSizes: c.column("attendances"))
            c.near(r.phases[0].statistics.sigmaZ, key: "sigma_z", tol: 1e-6)
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
            c.nearAll(r.line(\.upper2Sigma), key: "per_point.ucl95")
            c.nearAll(r.line(\.lower2Sigma), key: "per_point.lcl95")
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
        }
        t["nhs_accidents/p_classic"] = { c in
            let r = SPC.controlChart(kind: .p, values: c.column("seen_within_4h"), subgroupSizes: c.column("attendances"))
            c.near(r.phases[0].centre, key: "center", tol: 1e-9)
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl", tol: 1e-9)
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl", tol: 1e-9)
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }

        // Global Trigger Tool harms per patient day (PowerBI-SPC fixtures): XmR with screening.
        t["gtt_by_month/I_rate"] = { c in
            let rate = zip(c.column("harms"), c.column("days")).map { $0 / $1 }
            let r = SPC.controlChart(kind: .individuals, values: rate, options: ControlChartOptions(screenMovingRanges: true))
            let b = r.points[0].band
            c.near(r.phases[0].centre, key: "center", tol: 1e-9)
            c.near(b?.upperLimit, key: "ucl"); c.near(b?.upper2Sigma, key: "ucl95")
            c.near(b?.lower2Sigma, key: "lcl95"); c.near(b?.lowerLimit, key: "lcl")
        }
        t["gtt_by_month/MR_rate"] = { c in
            let rate = zip(c.column("harms"), c.column("days")).map { $0 / $1 }
            let r = SPC.controlChart(kind: .movingRange, values: rate, options: ControlChartOptions(screenMovingRanges: true))
            let b = r.points[1].band
            c.near(r.phases[0].centre, key: "center", tol: 1e-9)
            c.near(b?.upperLimit, key: "ucl"); c.near(b?.lowerLimit, key: "lcl")
            // Documented difference: Tally's mR 2σ line is mR̄ + 2 (3.267 − 1)/3 mR̄ (zones evenly split up to the
            // 3σ limit, from d3/d2); PowerBI-SPC draws it at 2/3 of the upper limit. Check the alternative explicitly.
            c.note("mR ucl95: PowerBI-SPC uses (2/3) × 3.267 mR̄; Tally uses mR̄ (1 + 2 × 2.267/3)")
            if let centre = r.phases[0].centre {
                c.near(2.0 / 3.0 * 3.267 * centre, key: "ucl95")
                c.near(b?.upper2Sigma, centre * (1 + 2 * 2.267 / 3), tol: 1e-12, "Tally mR 2σ line")
            }
        }

        // CABG (qicharts2 cabg, PowerBI-SPC fixtures): p in percent, X̄–S from summaries, XmR, g and t.
        t["cabg_by_month/p_readmissions"] = { c in
            let r = SPC.controlChart(kind: .p, values: c.column("readmissions"), subgroupSizes: c.column("n"),
                                     options: ControlChartOptions(multiplier: 100))
            c.near(r.phases[0].centre, key: "center", tol: 1e-6)
            c.nearAll(r.line(\.upperLimit), key: "per_point_percent.ucl")
            c.nearAll(r.line(\.upper2Sigma), key: "per_point_percent.ucl95")
            c.nearAll(r.line(\.lower2Sigma), key: "per_point_percent.lcl95")
            c.nearAll(r.line(\.lowerLimit), key: "per_point_percent.lcl")
        }
        for (chart, kind) in [("xbar_age_from_summaries", ControlChartKind.xbarS), ("s_age_from_summaries", .standardDeviation)] {
            t["cabg_by_month/\(chart)"] = { c in
                let summaries: [SubgroupSummary?] = c.rows.map { row in
                    SubgroupSummary(size: Int(row["n"] ?? "") ?? 0, mean: Double(row["mean_age"] ?? "") ?? .nan,
                                    standardDeviation: Double(row["sd_age"] ?? ""))
                }
                let r = SPC.controlChart(kind: kind, summaries: summaries)
                c.near(r.phases[0].centre, key: "center", tol: 1e-6)
                c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
                c.nearAll(r.line(\.upper2Sigma), key: "per_point.ucl95")
                c.nearAll(r.line(\.lower2Sigma), key: "per_point.lcl95")
                c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
            }
        }
        t["cabg_age_last100/I_age"] = { c in
            let opts = ControlChartOptions(screenMovingRanges: true)
            let i = SPC.controlChart(kind: .individuals, values: c.column("age"), options: opts)
            let m = SPC.controlChart(kind: .movingRange, values: c.column("age"), options: opts)
            c.near(i.phases[0].centre, key: "computed.center", tol: 1e-5)
            c.near(i.phases[0].upperLimit, key: "computed.ucl", tol: 1e-5)
            c.near(i.phases[0].lowerLimit, key: "computed.lcl", tol: 1e-5)
            c.near(m.phases[0].centre, key: "computed.mr_center", tol: 1e-5)
            c.points(i.beyondLimits.filter { (i.points[$0].value ?? 0) < (i.points[$0].centre ?? 0) }, key: "flagged_points.below_lcl")
            c.equal(m.beyondLimits.count, c.number(c.value("flagged_points.mr_above_ucl_count")).map { Int($0) }, "mr_above_ucl_count")
            c.points(m.beyondLimits, key: "flagged_points.computed_mr_above_ucl")
        }
        t["cabg_age_last100/I_age_exclude_45_70"] = { c in
            let r = SPC.controlChart(kind: .individuals, values: c.column("age"),
                                     options: ControlChartOptions(exclusions: exclude([45, 70])))
            checkPhase(c, r)
            c.near(r.phases[0].centre, key: "computed.center", tol: 1e-5)
            c.near(r.phases[0].upperLimit, key: "computed.ucl", tol: 1e-5)
            c.near(r.phases[0].lowerLimit, key: "computed.lcl", tol: 1e-5)
        }
        t["cabg_fatalities/g_surgeries_between"] = { c in
            let r = SPC.controlChart(kind: .g, values: c.column("surgeries_between"))
            let b = r.points[0].band
            c.near(r.phases[0].centre, key: "center")
            c.near(r.phases[0].statistics.mean, key: "mean")
            c.near(b?.upperLimit, key: "ucl"); c.near(b?.upper2Sigma, key: "ucl95"); c.near(b?.lowerLimit, key: "lcl")
            c.equal(b?.lowerClamped, true, "g lower limit clamped at 0")
            c.points(r.beyondLimits, key: "flagged_points.above_ucl")
        }
        t["cabg_fatalities/t_days_between"] = { c in
            let r = SPC.controlChart(kind: .t, values: c.column("days_between"), options: ControlChartOptions(screenMovingRanges: true))
            let b = r.points[0].band
            c.near(r.phases[0].centre, key: "center")
            c.near(b?.upperLimit, key: "ucl"); c.near(b?.upper2Sigma, key: "ucl95")
            c.near(b?.lower2Sigma, key: "lcl95"); c.near(b?.lowerLimit, key: "lcl")
            c.points(r.beyondLimits, key: "flagged_points.beyond_limits")
        }

        // Montgomery chapter 7: variable-size p and u, u per 50 m, t chart.
        t["montgomery_p_varn/p_varn"] = { c in
            let r = SPC.controlChart(kind: .p, values: c.column("count"), subgroupSizes: c.column("size"))
            c.near(r.phases[0].centre, key: "center")
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["montgomery_u_n50/u"] = { c in
            let r = SPC.controlChart(kind: .u, values: c.column("count"), subgroupSizes: c.column("size"))
            checkPhase(c, r)
            c.points(r.beyondLimits, key: "flagged_points.sigma_signal")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["montgomery_u_rolls/u_per50m"] = { c in
            let r = SPC.controlChart(kind: .u, values: c.column("count"), subgroupSizes: c.column("meters"),
                                     options: ControlChartOptions(multiplier: 50))
            c.near(r.phases[0].centre, key: "center")
            c.nearAll(r.line(\.upperLimit), key: "per_point.ucl")
            c.nearAll(r.line(\.lowerLimit), key: "per_point.lcl")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }
        t["montgomery_t_failures/t"] = { c in
            let r = SPC.controlChart(kind: .t, values: c.column("hours"))
            checkPhase(c, r)
            c.equal(r.points[0].band?.lowerClamped, true, "t lower limit clamped at 0")
            c.runs(r.runsAnalyses.first, key: "runs_analysis")
        }

        // Montgomery chapter 9: tabular CUSUM and EWMA.
        t["montgomery_cusum/tabular_cusum_k0.5_h5"] = { c in
            let r = SPC.cusum(values: c.column("x"), target: 10, sigma: 1, k: 0.5, h: 5)
            c.nearAll(r.upper, key: "C_plus", tol: 0.0051)
            c.nearAll(r.lower, key: "C_minus", tol: 0.0051)
            c.nearAll(r.upperRunLength.map(Double.init), key: "N_plus", tol: 0)
            c.points(r.signals, key: "signals")
        }
        t["montgomery_cusum/ewma_lambda0.1_L2.7"] = { c in
            let r = SPC.ewma(values: c.column("x"), target: 10, sigma: 1, lambda: 0.1, width: 2.7)
            c.nearAll(r.statistic, key: "z", tol: 1e-6)
            c.nearAll(r.upperLimits, key: "ucl", tol: 1e-6)
            c.nearAll(r.lowerLimits, key: "lcl", tol: 1e-6)
            c.points(r.signals, key: "signals")
        }

        // Pareto.
        t["pareto_qcc_defects/pareto"] = { c in
            let cats = zip(c.text("category"), c.column("count")).map { ParetoCategory(name: $0, value: $1) }
            let p = ParetoAnalysis(categories: cats)
            let table = c.value("table") as? [[String: Any]] ?? []
            c.equal(p.rows.map(\.category), table.map { $0["category"] as? String ?? "" }, "order")
            for (row, e) in zip(p.rows, table) {
                c.near(row.value, c.number(e["frequency"]), "\(row.category) frequency")
                c.near(row.cumulativeValue, c.number(e["cum_freq"]), "\(row.category) cum_freq")
                c.near(row.share * 100, c.number(e["pct"]), "\(row.category) pct")
                c.near(row.cumulativeShare * 100, c.number(e["cum_pct"]), "\(row.category) cum_pct")
            }
            c.equal(p.vitalFewCount, 3, "vital few reach exactly 80% with 3 categories")
        }
        t["pareto_gtt_harm_category/pareto"] = { c in
            let p = ParetoAnalysis.counting(c.text("category"))
            let table = c.value("table") as? [[String: Any]] ?? []
            c.equal(p.rows.map(\.category), table.map { $0["category"] as? String ?? "" }, "order")
            c.equal(p.rows.map(\.value), table.map { c.number($0["frequency"]) ?? -1 }, "frequencies")
            c.nearAll(p.rows.map(\.cumulativeShare), key: "cum_prop", tol: 1e-6)
            // "Almost 80% of harms come from 3 categories": the top three reach 78.6%. Tally's vital few are the
            // smallest set reaching the threshold, so at 80% they are four categories; at 78% they are the three.
            c.note("vital few at 80% = 4 categories (the crossing category is included); the statement's 3 = 78.6%")
            c.equal(p.vitalFewCount, 4, "vital few at 80%")
            c.equal(ParetoAnalysis.counting(c.text("category"), options: ParetoOptions(threshold: 0.78)).vitalFewCount, 3, "vital few at 78%")
            c.note("severity_counts need the severity columns, which the CSV does not carry; not checked")
        }

        // Literal rule vectors (qcc, NHSRplotthedots, PowerBI-SPC).
        t["rule_cases/*"] = { c in checkRuleCase(c) }

        // Anhøj critical values (qicharts2 appendix table).
        t["anhoej_critical_values/table"] = { c in
            for row in c.rows {
                guard let n = Int(row["n_useful"] ?? "") else { continue }
                c.equal(AnhoejRules.longestRunMaximum(useful: n), Int(row["longest_run_max"] ?? ""), "n=\(n) longest_run_max")
                c.equal(AnhoejRules.crossingsMinimum(useful: n), Int(row["n_crossings_min"] ?? ""), "n=\(n) n_crossings_min")
            }
            c.equal(AnhoejRules.longestRunMaximum(useful: 24), c.number(c.value("examples.n24.longest_run_max")).map { Int($0) }, "n24 max")
            c.equal(AnhoejRules.crossingsMinimum(useful: 24), c.number(c.value("examples.n24.n_crossings_min")).map { Int($0) }, "n24 min")
        }
        return t
    }()

    /// One literal rule vector: build points with the stated centre/σ (or 2σ/3σ lines) and compare.
    static func checkRuleCase(_ c: ReferenceCase) {
        let set = c.value("rule_set") as? String ?? ""
        let ruleAny = c.value("rule")
        let rule = (ruleAny as? String) ?? c.number(ruleAny).map { String(Int($0)) } ?? ""
        let params = c.value("params") as? String ?? ""
        var values = (c.numbers(c.value("values")) ?? []).compactMap { $0 }
        func param(_ name: String) -> Int? {
            params.split(separator: ",").compactMap { part -> Int? in
                let kv = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                return kv.count == 2 && kv[0] == name ? Int(kv[1].split(separator: " ").first ?? "") : nil
            }.first
        }
        var centre = 0.0, sigma = 1.0
        var ruleSet: RuleSet, id: String, useCompleting: Bool
        switch set {
        case "western_electric":
            ruleSet = .westernElectric; id = "we.\(rule)"; useCompleting = true
        case "nelson":
            ruleSet = .nelson; id = "nelson.\(rule)"; useCompleting = true
        case "nhs_mdc":
            ruleSet = .nhs; useCompleting = true
            switch rule {
            case "shift7_window_end": id = "nhs.shift"
            case "trend7_window_end": id = "nhs.trend"
            case "two_in_three_close":
                // Input is NHSRplotthedots' close-to-limits flags, all on one side: 1 → beyond 2σ, 0 → inside.
                id = "nhs.two-of-three"; useCompleting = false
                values = values.map { $0 == 1 ? 2.5 : 0.5 }
            default: id = "?"
            }
        case "powerbi_spc":
            useCompleting = false
            let n = param("n") ?? 7
            ruleSet = RuleSet(name: .nhs, shiftLength: n, trendLength: n, twoOfThreeRequiresSameSide: false)
            switch rule {
            case "shift": id = "nhs.shift"; centre = Double(param("target") ?? 0)
            case "trend": id = "nhs.trend"
            case "two_in_three": id = "nhs.two-of-three"; centre = 5; sigma = 2.5  // 2σ lines at 0 and 10
            case "astronomical": id = "nhs.astronomical"; centre = 5; sigma = 5.0 / 3  // 3σ lines at 0 and 10
            default: id = "?"
            }
        default:
            Issue.record("\(c.id): unknown rule set \(set)")
            return
        }
        c.equal(id == "?", false, "rule \(set)/\(rule) is known")
        let band = ControlBand(centre: centre, sigma: sigma)
        let points = values.enumerated().map { RulePoint(index: $0.offset, value: $0.element, centre: centre, band: band) }
        let signals = ruleSet.evaluate(points).filter { $0.rule == id }
        let flagged = useCompleting ? signals.flatMap(\.completingPoints) : signals.flatMap(\.points)
        c.points(flagged, key: "flagged_points")
        if set == "nhs_mdc", rule == "shift7_window_end" {
            // NHSRplotthedots then colours the whole run: Tally's `points`.
            c.points(signals.flatMap(\.points), expected: Array(1...8))
        }
    }
}
