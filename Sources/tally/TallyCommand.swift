import ArgumentParser
import Tally
import TallyCore

/// The root command: `tally <subcommand>`.
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Evaluation reports (PDF, PNG) from a YAML report spec and CSV data.",
        discussion: """
            Exit codes: 0 built; 1 some builds failed; 2 invalid spec or usage; 3 data error; 4 an alert fired.
            Diagnostics are printed to stderr as path:line:col: error: message, with a hint.
            """,
        version: "tally \(TallyVersion.current)",
        subcommands: [BuildCommand.self, ValidateCommand.self])
}

/// `tally build`: renders reports from specs.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the reports described by one or more specs.")

    @Option(name: .long, help: ArgumentHelp("Write outputs under this directory instead of the spec's output.directory.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Output formats, comma-separated: pdf, png, svg.", valueName: "formats"))
    var format: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Override a spec parameter (repeatable).", valueName: "name=value"))
    var param: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Pin the report date (YYYY-MM-DD) so relative periods are reproducible.", valueName: "date"))
    var asOf: String?

    @Argument(help: ArgumentHelp("Spec files (.yaml) or directories of specs.", valueName: "spec"))
    var specs: [String]

    func run() throws {
        var parameters: [String: String] = [:]
        for assignment in param {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                Output.error("error: --param '\(assignment)' must look like name=value")
                throw ExitStatus.invalidSpecOrUsage
            }
            parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        var pinned: CivilDate? = nil
        if let asOf {
            guard let date = CivilDate(iso: Substring(asOf)) else {
                Output.error("error: --as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05")
                throw ExitStatus.invalidSpecOrUsage
            }
            pinned = date
        }
        var formats: [String]? = nil
        if let format {
            formats = format.split(separator: ",").map { $0.trimmingCharacters() }
            for name in formats ?? [] where !["pdf", "png", "svg"].contains(name) {
                Output.error("error: --format '\(name)' is not a format; use pdf, png or svg (comma-separated)")
                throw ExitStatus.invalidSpecOrUsage
            }
        }
        let world = LocalWorld()
        let paths: [String]
        switch SpecDiscovery.expand(specs, world: world) {
        case .success(let found): paths = found
        case .failure(let error):
            Output.diagnostics(error.diagnostics)
            throw ExitStatus.invalidSpecOrUsage
        }
        var worst = ExitStatus.success
        for path in paths {
            let request = BuildRequest(specPath: path, outputDirectory: out, formats: formats, parameters: parameters, asOf: pinned)
            switch ReportBuilder.build(request, world: world) {
            case .success(let summary):
                Output.diagnostics(summary.warnings)
                Output.line(summary.line)
            case .failure(let error):
                Output.diagnostics(error.diagnostics)
                let status: ExitStatus = error.category == .data ? .dataError : (error.category == .output ? .someBuildsFailed : .invalidSpecOrUsage)
                if paths.count > 1 && worst == .success { worst = .someBuildsFailed }
                if paths.count == 1 { worst = status }
            }
        }
        if worst != .success { throw worst }
    }
}

/// `tally validate`: checks specs, including their data headers, without building.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check specs (keys, references, data headers) without building. Exit 0 when valid, 2 when not.")

    @Argument(help: ArgumentHelp("Spec files (.yaml) or directories of specs.", valueName: "spec"))
    var specs: [String]

    func run() throws {
        let world = LocalWorld()
        let paths: [String]
        switch SpecDiscovery.expand(specs, world: world) {
        case .success(let found): paths = found
        case .failure(let error):
            Output.diagnostics(error.diagnostics)
            throw ExitStatus.invalidSpecOrUsage
        }
        var failed = false
        for path in paths {
            let diagnostics = SpecValidation.validate(specPath: path, world: world)
            Output.diagnostics(diagnostics)
            if diagnostics.containsErrors {
                failed = true
            } else {
                Output.line("\(path): valid")
            }
        }
        if failed { throw ExitStatus.invalidSpecOrUsage }
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
