import Testing
import TallyFormula
import TallySpec
@testable import TallyEval

/// The spec language and the formula library name built-in KPIs independently (TallySpec cannot import
/// TallyFormula), so this test keeps them in step: every built-in a spec accepts must exist in the library,
/// with the inputs and settings the spec lets users map.
@Suite struct BuiltinCatalogueTests {
    @Test(arguments: BuiltinKPI.allCases)
    func everySpecBuiltinHasALibraryDefinition(_ builtin: BuiltinKPI) throws {
        let definition = try #require(BuiltinCatalogue.definition(for: builtin), "no library KPI for built-in '\(builtin.rawValue)'")
        #expect(Set(definition.columns.map(\.role)) == Set(builtin.roles), "inputs of '\(builtin.rawValue)' differ")
        #expect(Set(definition.parameters.map(\.name)) == Set(builtin.optionNames), "settings of '\(builtin.rawValue)' differ")
        // A 90th percentile has no interval or test of its own yet: the library marks it "other" (values only).
        let expected = builtin == .resolutionP90 ? "other" : builtin.method.rawValue
        #expect(definition.kind.rawValue == expected)
    }
}
