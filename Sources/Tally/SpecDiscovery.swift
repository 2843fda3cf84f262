import TallyCore

/// Turns command-line spec arguments (files or directories) into a sorted list of spec files.
public enum SpecDiscovery {
    /// Expands directories to the `.yaml`/`.yml` files directly inside them; files pass through.
    public static func expand(_ arguments: [String], world: any World) -> Result<[String], DiagnosticError> {
        var paths: [String] = []
        var problems: [Diagnostic] = []
        for argument in arguments {
            if let confined = world as? ConfinedWorld, let escape = confined.escape(argument) {
                problems.append(.error(
                    .usage, "spec '\(argument)' is \(escape.reason)", at: SourceLocation(file: argument),
                    hint: "pass specs inside the root, or a wider --root"))
            } else if world.directoryExists(argument) {
                do {
                    let names = try world.listDirectory(argument).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                    if names.isEmpty {
                        problems.append(.error(.usage, "no spec files (.yaml) in directory '\(argument)'", hint: "pass a spec file, or a directory that holds .yaml specs"))
                    }
                    paths += names.map { Path.join(argument, $0) }
                } catch {
                    problems.append(.error(.usage, "cannot read directory '\(argument)': \(error.reason)"))
                }
            } else if world.fileExists(argument) {
                paths.append(argument)
            } else {
                problems.append(.error(
                    .usage, "spec file '\(argument)' does not exist", at: SourceLocation(file: argument),
                    hint: "check the path; specs usually live in ReportSpecs/, e.g. ReportSpecs/first-contact-resolution.yaml"))
            }
        }
        if arguments.isEmpty { problems.append(.error(.usage, "no spec given", hint: "run e.g. 'tally build ReportSpecs/'")) }
        return problems.isEmpty ? .success(paths) : .failure(DiagnosticError(problems))
    }
}
