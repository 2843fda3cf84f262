import ArgumentParser
import TallyCore

/// `--param name=value` (repeatable) and `--as-of DATE`: what a report is built for, shared by build and validate.
struct ParameterOptions: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Override a spec parameter (repeatable).", valueName: "name=value"))
    var param: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Pin the report date (YYYY-MM-DD) so relative periods are reproducible.", valueName: "date"))
    var asOf: String?

    /// The parameter overrides by name and the pinned date; a malformed one exits 2 with a hint.
    func parsed() throws -> (parameters: [String: String], asOf: CivilDate?) {
        var parameters: [String: String] = [:]
        for assignment in param {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                Output.error("error: --param '\(assignment)' must look like name=value")
                throw ExitStatus.invalidSpecOrUsage
            }
            parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        return (parameters, try ExitStatus.parseDate(asOf))
    }
}
