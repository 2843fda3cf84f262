import Testing

@testable import TallyStats

/// Mean, variance, quantiles and ranks against NumPy / SciPy.
@Suite struct DescriptiveTests {
    let values: [Double] = [2.5, -1, 3.25, 7, 0.5, 10]

    @Test func meanAndVariance() {
        // np.mean(x), np.var(x, ddof=1)
        #expect(isClose(Descriptive.mean(values), 3.7083333333333335, rel: 1e-15))
        #expect(isClose(Descriptive.variance(values), 16.910416666666666, rel: 1e-14))
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.variance([1]) == nil)
        #expect(Descriptive.variance([5, 5, 5]) == 0)
        // Large offset: the corrected two-pass variance keeps full precision (np.var([1e9+1, 1e9+2, 1e9+3], ddof=1) = 1).
        #expect(Descriptive.variance([1e9 + 1, 1e9 + 2, 1e9 + 3]) == 1)
    }

    @Test func quantilesAreType7() {
        let sorted = values.sorted()
        // np.quantile(x, 0.3) = 1.5; np.median(x) = 2.875
        #expect(Descriptive.quantile(sorted: sorted, probability: 0.3) == 1.5)
        #expect(Descriptive.median(values) == 2.875)
        #expect(Descriptive.quantile(sorted: sorted, probability: 0) == -1)
        #expect(Descriptive.quantile(sorted: sorted, probability: 1) == 10)
        #expect(Descriptive.quantile(sorted: [], probability: 0.5) == nil)
        #expect(Descriptive.quantile(sorted: sorted, probability: 1.5) == nil)
    }

    @Test func averageRanksWithTies() {
        // scipy.stats.rankdata([3, 1, 3, 2, 3, 1]) = [5, 1.5, 5, 3, 5, 1.5]
        let ranked = Descriptive.averageRanks([3, 1, 3, 2, 3, 1])
        #expect(ranked.ranks == [5, 1.5, 5, 3, 5, 1.5])
        #expect(ranked.tieGroupSizes.sorted() == [2, 3])
        #expect(Descriptive.averageRanks([]).ranks.isEmpty)
    }
}
