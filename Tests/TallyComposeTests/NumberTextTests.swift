import Testing
@testable import TallyCompose

@Suite struct NumberTextTests {
    @Test func pValuesAndDateRanges() {
        #expect(NumberText.pValue(0.0004) == "p < 0.001")
        #expect(NumberText.pValue(0.0123) == "p = 0.012")
        #expect(NumberText.pValue(0.4321) == "p = 0.43")
        #expect(NumberText.dateRange(from: "2025-01-06", to: "2025-07-06") == "6 Jan – 6 Jul 2025")
        #expect(NumberText.dateRange(from: "2025-07-07", to: "2026-01-04") == "7 Jul 2025 – 4 Jan 2026")
    }
}
