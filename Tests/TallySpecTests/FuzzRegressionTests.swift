import TallyCore
import Testing

@testable import TallySpec

/// Specs the spec fuzzer (Sources/fuzz-spec) crashed the loader with, minimised; each must load with errors.
@Suite struct FuzzRegressionTests {
    /// A percentage KPI's target far outside 0–100% trapped printing the value as an Int in the message.
    @Test(arguments: ["844444444444444444444444444444444444444440%", "1e300", "-9.3e18", "1e20%"])
    func hugePercentTargets(target: String) {
        let (spec, diagnostics) = load("""
            version: 1
            report: { title: FCR }
            data: { t: { file: t.csv } }
            kpis:
              fcr:
                builtin: fcr
                target: \(target)
            sections: []
            """)
        #expect(spec == nil)
        #expect(diagnostics.contains { $0.message.contains("the target of percentage KPI 'fcr' is") && $0.location?.line == 7 })
    }
}
