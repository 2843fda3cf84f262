// Pareto analysis: ordering, shares, the vital few, the Other bucket and bad input.

import Testing
@testable import TallyStats

@Suite("Pareto analysis")
struct ParetoAnalysisTests {
    static let tickets = [ParetoCategory(name: "Billing", value: 50), ParetoCategory(name: "Login", value: 20),
                          ParetoCategory(name: "Delivery", value: 30), ParetoCategory(name: "Other issue", value: 0),
                          ParetoCategory(name: "Returns", value: 20)]

    @Test("sorted by value, ties in first-seen order, shares and cumulative shares")
    func ordering() throws {
        let p = ParetoAnalysis(categories: Self.tickets)
        #expect(p.rows.map(\.category) == ["Billing", "Delivery", "Login", "Returns", "Other issue"])
        #expect(p.total == 120 && p.rows.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(abs(p.rows[1].cumulativeShare - 80.0 / 120) < 1e-15)
        #expect(try #require(p.rows.last).cumulativeShare == 1)
    }

    @Test("vital few: the smallest leading set reaching the threshold (crossing category included)")
    func vitalFew() {
        let p = ParetoAnalysis(categories: Self.tickets)  // 41.7%, 66.7%, 83.3% → 3
        #expect(p.vitalFewCount == 3 && p.rows.prefix(3).allSatisfy(\.isVitalFew) && !p.rows[3].isVitalFew)
        #expect(ParetoAnalysis(categories: Self.tickets, options: ParetoOptions(threshold: 0.5)).vitalFewCount == 2)
        #expect(ParetoAnalysis(categories: Self.tickets, options: ParetoOptions(threshold: 1)).vitalFewCount == 4)
    }

    @Test("top N with the rest merged into a bucket placed last")
    func otherBucket() throws {
        let p = ParetoAnalysis(categories: Self.tickets, options: ParetoOptions(topN: 2, otherLabel: "All other"))
        #expect(p.rows.map(\.category) == ["Billing", "Delivery", "All other"])
        let bucket = try #require(p.rows.last)
        #expect(bucket.isOtherBucket && bucket.value == 40 && bucket.mergedCategories == ["Login", "Returns", "Other issue"])
        #expect(p.vitalFewCount == 2 && !bucket.isVitalFew)
        #expect(p.warnings.contains { $0.code == "pareto-threshold-not-reached" })
    }

    @Test("counting and weighting raw rows; repeated names are summed")
    func aggregation() {
        let counted = ParetoAnalysis.counting(["a", "b", "a", "c", "a", "b"])
        #expect(counted.rows.map(\.category) == ["a", "b", "c"] && counted.rows.map(\.value) == [3, 2, 1])
        let weighted = ParetoAnalysis.weighting(["a", "b", "a"], weights: [1, 5, 1.5])
        #expect(weighted.rows.map(\.value) == [5, 2.5])
        #expect(ParetoAnalysis.weighting(["a"], weights: [1, 2]).warnings.contains { $0.code == "pareto-length-mismatch" })
    }

    @Test("empty, all-zero and invalid input give defined results")
    func degenerate() {
        let empty = ParetoAnalysis(categories: [])
        #expect(empty.rows.isEmpty && empty.vitalFewCount == 0 && empty.warnings.map(\.code) == ["pareto-empty"])
        let zero = ParetoAnalysis(categories: [ParetoCategory(name: "a", value: 0)])
        #expect(zero.rows.first?.share == 0 && zero.vitalFewCount == 0)
        let bad = ParetoAnalysis(categories: [ParetoCategory(name: "a", value: -1), ParetoCategory(name: "b", value: .nan),
                                              ParetoCategory(name: "c", value: 2)])
        #expect(bad.rows.map(\.category) == ["c"] && bad.warnings.contains { $0.code == "pareto-invalid-values" })
    }
}
