import TallyCore
import TallyData

/// What a formula may refer to: columns with their types, named parameters, other KPIs, and the report date.
public struct FormulaSchema: Sendable {
    /// Columns in table order: name and type.
    public var columns: [(name: String, type: ColumnType)]
    /// Named constants from the spec (targets, thresholds, scale tops), usable by name in any formula.
    public var parameters: [String: FormulaValue]
    /// Names of other KPIs an aggregate formula may use, with their result types (usually `.number`).
    public var kpis: [String: FormulaType]
    /// The report's `as_of` date, which `TODAY()` returns; nil makes `TODAY()` a compile error.
    public var asOf: CivilDate?

    /// Creates a schema.
    public init(columns: [(name: String, type: ColumnType)], parameters: [String: FormulaValue] = [:],
                kpis: [String: FormulaType] = [:], asOf: CivilDate? = nil) {
        self.columns = columns
        self.parameters = parameters
        self.kpis = kpis
        self.asOf = asOf
    }

    /// A schema with the columns of `table`.
    public init(table: Table, parameters: [String: FormulaValue] = [:], kpis: [String: FormulaType] = [:],
                asOf: CivilDate? = nil) {
        self.init(columns: table.columns.map { ($0.name, $0.type) }, parameters: parameters, kpis: kpis, asOf: asOf)
    }

    /// The column a formula name refers to (exact first, then ignoring case, spaces, `_` and `-`).
    func column(named name: String) -> (name: String, type: ColumnType)? {
        if let exact = columns.first(where: { $0.name == name }) { return exact }
        let key = Table.normalisedName(name)
        return columns.first { Table.normalisedName($0.name) == key }
    }

    /// The parameter a formula name refers to (exact first, then ignoring case).
    func parameter(named name: String) -> (name: String, value: FormulaValue)? {
        if let v = parameters[name] { return (name, v) }
        let key = Table.normalisedName(name)
        return parameters.first { Table.normalisedName($0.key) == key }.map { ($0.key, $0.value) }
    }

    /// The KPI a formula name refers to (exact first, then ignoring case).
    func kpi(named name: String) -> (name: String, type: FormulaType)? {
        if let t = kpis[name] { return (name, t) }
        let key = Table.normalisedName(name)
        return kpis.first { Table.normalisedName($0.key) == key }.map { ($0.key, $0.value) }
    }
}

/// Whether a compiled value exists once (constant), once per group (KPI value) or once per row.
enum Level: Int, Sendable, Comparable {
    case constant = 0, group = 1, row = 2

    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

/// Where an expression is being compiled: at KPI level (one value per group) or per row.
enum Scope: Sendable {
    /// Inside a KPI formula, outside any aggregate: columns must be wrapped in an aggregate.
    case group
    /// Per row: computed columns, and the range arguments of aggregates.
    case row
}

/// Everything an evaluation needs: the table, the grouping, KPI values and a cache of converted columns.
final class EvaluationContext {
    /// The table evaluated.
    let table: Table
    /// Group of each row (−1 = excluded); empty for row programs.
    let groupIds: [Int32]
    /// Number of groups.
    let groupCount: Int
    /// Values of other KPIs, one per group.
    let kpis: [String: Vector]
    /// Columns already converted to vectors, by column index.
    var columnCache: [Int: Vector] = [:]
    /// Status codes of columns read in place by typed kernels (not converted), by column index.
    var statusCache: [Int: Status] = [:]
    /// Whether kernels may read numeric columns in place and reduce row expressions block by block (false forces
    /// whole-table converted vectors: tests compare both).
    var streaming = true
    /// Set when row-level nodes evaluate only these rows of the table (see RowChunks.swift).
    let rowWindow: Range<Int>?
    /// The whole-table context a window belongs to (its column status codes are shared).
    let owner: EvaluationContext?

    /// Creates a context.
    init(table: Table, groupIds: [Int32], groupCount: Int, kpis: [String: Vector]) {
        self.table = table
        self.groupIds = groupIds
        self.groupCount = groupCount
        self.kpis = kpis
        rowWindow = nil
        owner = nil
    }

    /// A context in which row-level nodes evaluate rows `window` of `owner`'s table only.
    init(window: Range<Int>, of owner: EvaluationContext) {
        table = owner.table
        groupIds = owner.groupIds
        groupCount = owner.groupCount
        kpis = owner.kpis
        streaming = owner.streaming
        rowWindow = window
        self.owner = owner
    }

    /// Number of elements a vector at `level` has.
    func count(_ level: Level) -> Int {
        switch level {
        case .row: return rowWindow?.count ?? table.rowCount
        case .group, .constant: return groupCount
        }
    }
}

/// One compiled operation: its static type, level and a function from context to vector.
struct Node: @unchecked Sendable {
    /// Static type.
    var type: FormulaType
    /// Constant, per group or per row.
    var level: Level
    /// Where in the formula it came from.
    var span: Span
    /// Computes the values for every element at once.
    var run: @Sendable (EvaluationContext) -> Vector
    /// The value, when the node is a compile-time constant.
    var constant: FormulaValue?
    /// The column name, when the node is a bare column reference (enables fast paths).
    var columnName: String?
    /// The column type, when the node is a bare column reference.
    var columnType: ColumnType?

    /// A constant node.
    static func constant(_ value: FormulaValue, span: Span) -> Node {
        let type: FormulaType
        switch value {
        case .number: type = .number
        case .date: type = .date
        case .text: type = .text
        case .boolean: type = .boolean
        case .blank, .error: type = .any
        }
        return Node(type: type, level: .constant, span: span, run: { ctx in .scalar(value, count: ctx.groupCount) },
                    constant: value)
    }
}
