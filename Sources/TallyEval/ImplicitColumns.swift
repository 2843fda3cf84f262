import TallyFormula
import TallySpec

/// Columns the evaluator looks for by name without the spec naming them.
///
/// Reading for a report skips columns the spec never mentions (`ColumnSelection`); these are read as well,
/// so every column the evaluator may use is there. Any lookup of a column by a fixed name belongs here.
public enum ImplicitColumns {
    /// Columns a quotes block shows beside each quote when the dataset has them.
    public static let quoteAttribution = ["rating", "csat", "source", "channel"]
    /// The 22 SERVQUAL expectation items.
    public static let servqualExpectations = (1...22).map { "E\($0)" }
    /// The 22 SERVQUAL perception items.
    public static let servqualPerceptions = (1...22).map { "P\($0)" }

    /// Every implicit name: the above and each built-in KPI's default columns.
    public static var all: [String] {
        let builtins = BuiltinKPI.allCases.compactMap { BuiltinCatalogue.definition(for: $0) }.flatMap { $0.columns.map(\.defaultColumn) }
        return quoteAttribution + servqualExpectations + servqualPerceptions + builtins
    }
}
