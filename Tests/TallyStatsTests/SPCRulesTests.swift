// Rule sets on hand-made sequences: both flagging semantics, strict limits, segments and exclusions.

import Testing
@testable import TallyStats

@Suite("SPC rules")
struct SPCRulesTests {
    @Test("a run lists every point and the completing ones (7th onwards)")
    func shiftSemantics() throws {
        let s = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints(Array(repeating: 0.5, count: 9) + [-0.5]))
        let shift = try #require(s.first { $0.rule == "nhs.shift" })
        #expect(shift.points == Array(0...8))
        #expect(shift.completingPoints == [6, 7, 8])
        #expect(shift.direction == .high)
        #expect(s.filter { $0.rule == "nhs.shift" }.count == 1)
    }

    @Test("a point on the centre line breaks a run; six is not a shift")
    func shiftBroken() {
        let s = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([1, 1, 1, 0, 1, 1, 1, 1, 1, 1]))
        #expect(s.filter { $0.rule == "nhs.shift" }.isEmpty)
    }

    @Test("trend: strictly monotone; a tie ends it; falling trends are low")
    func trend() throws {
        let rising = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]))
        #expect(rising.first { $0.rule == "nhs.trend" }?.direction == .high)
        let tie = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([0, 0.1, 0.2, 0.2, 0.4, 0.5, 0.6, 0.7]))
        #expect(tie.filter { $0.rule == "nhs.trend" }.isEmpty)
        let falling = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([0.9, 0.8, 0.6, 0.5, 0.3, 0.2, 0.1, 0.0, 0.4]))
        let f = try #require(falling.first { $0.rule == "nhs.trend" })
        #expect(f.direction == .low && f.points == Array(0...7) && f.completingPoints == [6, 7])
    }

    @Test("limits are strict: a point exactly on the limit is not beyond")
    func strictLimits() {
        let s = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([3, -3, 3.0001, -3.0001]))
        let flagged = s.filter { $0.rule == "nhs.astronomical" }
        #expect(flagged.map(\.points) == [[2], [3]])
        #expect(flagged.map(\.direction) == [.high, .low])
    }

    @Test("two of three: NHS needs all three on one side; Western Electric does not")
    func twoOfThree() {
        let values: [Double] = [2.5, -0.5, 2.5]
        #expect(RuleSet.nhs.evaluate(SPCTestSupport.unitPoints(values)).filter { $0.rule == "nhs.two-of-three" }.isEmpty)
        let we = RuleSet.westernElectric.evaluate(SPCTestSupport.unitPoints(values)).filter { $0.rule == "we.2" }
        #expect(we.map(\.points) == [[0, 2]] && we.map(\.completingPoints) == [[2]])
        let nhs = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints([2.5, 0.5, 2.5, 0.1])).filter { $0.rule == "nhs.two-of-three" }
        #expect(nhs.map(\.points) == [[0, 2]])
    }

    @Test("Western Electric 3 and 4; Nelson 4, 7, 8")
    func zoneRules() {
        let we = RuleSet.westernElectric.evaluate(SPCTestSupport.unitPoints([1.5, 1.5, 0.5, 1.5, 1.5, 0.2, 0.2, 0.2]))
        #expect(we.filter { $0.rule == "we.3" }.flatMap(\.completingPoints) == [4])
        #expect(we.filter { $0.rule == "we.4" }.flatMap(\.completingPoints) == [7])
        let alternating = (0..<14).map { $0 % 2 == 0 ? 0.1 : 0.3 }
        #expect(RuleSet.nelson.evaluate(SPCTestSupport.unitPoints(alternating)).filter { $0.rule == "nelson.4" }.map(\.points) == [Array(0..<14)])
        let hugging = Array(repeating: 0.2, count: 14) + [1.0, 0.2]  // exactly 1σ is not "within"
        #expect(RuleSet.nelson.evaluate(SPCTestSupport.unitPoints(hugging)).filter { $0.rule == "nelson.7" }.isEmpty)
        let mixture = [1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5]
        #expect(RuleSet.nelson.evaluate(SPCTestSupport.unitPoints(mixture)).filter { $0.rule == "nelson.8" }.map(\.completingPoints) == [[7]])
    }

    @Test("excluded points are skipped by sequence rules but still tested against the limits")
    func exclusions() {
        let values: [Double] = [0.5, 0.5, 0.5, -4, 0.5, 0.5, 0.5, 0.5]
        let s = RuleSet.nhs.evaluate(SPCTestSupport.unitPoints(values, excluded: [3]))
        #expect(s.filter { $0.rule == "nhs.shift" }.map(\.points) == [[0, 1, 2, 4, 5, 6, 7]])
        #expect(s.filter { $0.rule == "nhs.astronomical" }.map(\.points) == [[3]])
    }

    @Test("runs never span a recalculated phase; they do span extended limits")
    func segments() {
        // Baseline mean 5.8; the last three baseline points and the first four later points sit above it.
        let baseline: [Double] = [5, 6, 5, 6, 5, 6, 4, 7, 7, 7]
        let later: [Double] = [7, 7, 7, 7, 1, 1, 1, 1, 1, 1]
        let extended = SPC.controlChart(kind: .individuals, values: baseline + later,
                                        phases: [ChartPhase(start: 10, label: "Later", limits: .extendPrevious)])
        #expect(extended.flaggedPoints(rule: "nhs.shift").contains(13))
        let recalculated = SPC.controlChart(kind: .individuals, values: baseline + later,
                                            phases: [ChartPhase(start: 10, label: "Later")])
        #expect(!recalculated.flaggedPoints(rule: "nhs.shift").contains(13))
        #expect(recalculated.signals.allSatisfy { s in Set(s.points.map { $0 >= 10 }).count == 1 })
    }

    @Test("rule sets are named and versioned; points carry their rules")
    func naming() {
        #expect(RuleSet.nhs.identifier == "nhs@1" && RuleSet.westernElectric.identifier == "western-electric@1")
        #expect(RuleSet.named(.nelson) == .nelson)
        let r = SPC.controlChart(kind: .individuals, values: [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 30],
                                 options: ControlChartOptions(ruleSets: [.nhs, .westernElectric, .nelson]))
        #expect(r.ruleSets == ["nhs@1", "western-electric@1", "nelson@1"])
        #expect(Set(r.points[11].signalRules) == ["nhs.astronomical", "we.1", "nelson.1"])
    }
}

@Suite("Anhøj rules")
struct SPCAnhoejTests {
    @Test("critical values: round(log2(n) + 3) and qbinom(0.05, n − 1, 0.5)")
    func criticalValues() {
        #expect(AnhoejRules.longestRunMaximum(useful: 10) == 6 && AnhoejRules.crossingsMinimum(useful: 10) == 2)
        #expect(AnhoejRules.longestRunMaximum(useful: 24) == 8 && AnhoejRules.crossingsMinimum(useful: 24) == 8)
        #expect(AnhoejRules.longestRunMaximum(useful: 100) == 10 && AnhoejRules.crossingsMinimum(useful: 100) == 41)
        #expect(AnhoejRules.longestRunMaximum(useful: 0) == 0 && AnhoejRules.crossingsMinimum(useful: 1) == 0)
    }

    @Test("too few crossings flags the segment; points on the median are not useful")
    func crossings() throws {
        let values: [Double] = [1, 2, 3, 4, 5, 6, 6.5, 7, 8, 9, 10, 11, 12]
        let r = SPC.controlChart(kind: .run, values: values)
        let a = try #require(r.runsAnalyses.first)
        #expect(r.phases[0].centre == 6.5)
        #expect(a.observations == 13 && a.usefulObservations == 12 && a.longestRun == 6 && a.crossings == 1)
        #expect(a.longestRunMaximum == 7 && a.crossingsMinimum == 3 && a.signal)
        #expect(r.signals.map(\.rule) == ["anhoej.crossings"])
        #expect(!r.signals[0].points.contains(6))
    }

    @Test("an unusually long run flags every point of the run")
    func longRun() throws {
        // Median 9.5; points 3...10 (values 2...9) form a run of 8 below it; the maximum for n = 18 is 7.
        let values: [Double] = [20, 1, 21, 2, 3, 4, 5, 6, 7, 8, 9, 10, 22, 23, 24, 25, 26, 27]
        let r = SPC.controlChart(kind: .run, values: values)
        let run = try #require(r.signals(rule: "anhoej.longest-run").first)
        #expect(run.points == Array(3...10) && run.direction == .low)
        #expect(r.runsAnalyses.first?.longestRunMaximum == 7)
        #expect(run.completingPoints == [3 + (r.runsAnalyses.first?.longestRunMaximum ?? 0)])
    }

    @Test("random-looking data give no signal")
    func noSignal() {
        let r = SPC.controlChart(kind: .run, values: [3, 7, 2, 8, 4, 6, 1, 9, 5, 5.5, 4.5, 6.5])
        #expect(r.signals.isEmpty && r.runsAnalyses.first?.signal == false)
    }
}
