import TallyCore
import TallyData
import TallySpec

/// A dataset as read by the facade: its table and the audit facts of the read.
public struct DatasetInput: Sendable {
    /// The typed table.
    public var table: Table
    /// File identity, dialect and row counts (rowsAfterFilter is filled by the evaluator).
    public var facts: DatasetFacts

    /// Creates a dataset input.
    public init(table: Table, facts: DatasetFacts) {
        self.table = table
        self.facts = facts
    }
}

/// Everything evaluation needs: the spec, the datasets, overrides and the clock.
public struct EvaluationInput: Sendable {
    /// The validated spec.
    public var spec: Spec
    /// The spec file's identity (for the audit trail).
    public var specFile: FileFacts
    /// Datasets by name.
    public var datasets: [String: DatasetInput]
    /// `--param` overrides, as text.
    public var parameterOverrides: [String: String]
    /// `--as-of`, when given.
    public var asOfOverride: CivilDate?
    /// The current time (seconds since epoch), used only when no report date is pinned.
    public var now: Int64

    /// Creates the input.
    public init(spec: Spec, specFile: FileFacts, datasets: [String: DatasetInput], parameterOverrides: [String: String] = [:], asOfOverride: CivilDate? = nil, now: Int64) {
        self.spec = spec
        self.specFile = specFile
        self.datasets = datasets
        self.parameterOverrides = parameterOverrides
        self.asOfOverride = asOfOverride
        self.now = now
    }
}

/// What evaluation produces: the results plus the working values later stages need (tables after
/// computed columns and filters, phase membership per row).
public struct Evaluation: Sendable {
    /// Every number for the report.
    public var results: Results
    /// Datasets after computed columns and filters.
    public var tables: [String: Table]
    /// Per dataset, the phase index of each row (−1 = in no phase or excluded).
    public var phaseOfRow: [String: [Int32]]
    /// The resolved phases.
    public var phases: [ResolvedPhase]
    /// The report date.
    public var asOf: CivilDate
}

/// A phase with concrete dates.
public struct ResolvedPhase: Sendable, Hashable {
    /// Id from the spec.
    public var id: String
    /// Label.
    public var label: String
    /// First day (days since epoch).
    public var firstDay: Int
    /// Last day, inclusive.
    public var lastDay: Int
    /// Change that starts the phase.
    public var change: String?
    /// Why.
    public var changeReason: String?
}
