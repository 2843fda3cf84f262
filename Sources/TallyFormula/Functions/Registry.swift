/// How one built-in function is checked and compiled.
struct FunctionSpec: Sendable {
    /// Canonical upper-case name (e.g. `STDEV.S`).
    let name: String
    /// Fewest arguments accepted.
    let minArguments: Int
    /// Most arguments accepted (`Int.max` for variadic).
    let maxArguments: Int
    /// Usage line shown in arity errors, e.g. `ROUND(number, digits)`.
    let usage: String
    /// Compiles a call whose argument count is already checked.
    let compile: @Sendable (Call, inout Compiler) -> Node?
}

/// Every built-in function, by name.
public enum FunctionLibrary {
    /// All specs, gathered from the per-concern files.
    static let all: [FunctionSpec] = AggregateFunctions.specs + ConditionalFunctions.specs + MathFunctions.specs
        + LogicalFunctions.specs + TextFunctions.specs + DateFunctions.specs

    private static let byName: [String: FunctionSpec] = {
        var table: [String: FunctionSpec] = [:]
        for spec in all { table[spec.name] = spec }
        // Legacy names Excel still accepts.
        let aliases = ["STDEV": "STDEV.S", "STDEVP": "STDEV.P", "VAR": "VAR.S", "VARP": "VAR.P",
                       "PERCENTILE": "PERCENTILE.INC", "QUARTILE": "QUARTILE.INC", "MODE": "MODE.SNGL",
                       "CONCATENATE": "CONCAT"]
        for (alias, target) in aliases { table[alias] = table[target] }
        return table
    }()

    /// The spec for a name (case-insensitive), or nil.
    static func spec(named name: String) -> FunctionSpec? { byName[name.uppercased()] }

    /// Names of every supported function (aliases included), sorted.
    public static var names: [String] { byName.keys.sorted() }
}

extension FunctionLibrary {
    /// Every function with its usage line, for documentation and editor help (aliases listed separately).
    public static var reference: [(name: String, usage: String)] {
        all.map { ($0.name, $0.usage) }.sorted { $0.name < $1.name }
    }
}
