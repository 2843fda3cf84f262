import ArgumentParser
import Foundation
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
        subcommands: [BuildCommand.self, ValidateCommand.self, InspectCommand.self, InitCommand.self, ExplainCommand.self, SchemaCommand.self])
}

/// `tally build`: renders reports from specs.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the reports described by one or more specs.",
        discussion: """
            Each report is written to temporary files and renamed into place only when it fully succeeded.
            An unchanged report (same spec, data, parameters and tool version) is skipped unless --force.
            Exit codes: 0 built or up to date; 1 some builds failed; 2 invalid spec or usage; 3 data error;
            4 an alert requested with --fail-on fired.
            """)

    @Option(name: .long, help: ArgumentHelp("Write outputs under this directory instead of the spec's output.directory.", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Output formats, comma-separated: pdf, png, svg, pages.", valueName: "formats"))
    var format: String?

    @OptionGroup var reportOptions: ParameterOptions

    @Option(name: .long, help: ArgumentHelp("Reports rendered in parallel (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Build only shard i of n (1-based), splitting specs and batch items across machines.", valueName: "i/n"))
    var shard: String?

    @Flag(name: .long, help: "Rebuild even when inputs are unchanged.")
    var force = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 4 when an alert fires: special-cause, target-missed, data-quality (comma-separated).", valueName: "alerts"))
    var failOn: String?

    @Flag(name: .long, help: "Print a machine-readable JSON summary (reports, outputs, alerts, timings) on stdout.")
    var json = false

    @OptionGroup var confinement: RootOption

    @OptionGroup var memory: MemoryOption

    @Argument(help: ArgumentHelp("Spec files (.yaml) or directories of specs.", valueName: "spec"))
    var specs: [String]

    func run() throws {
        let parsed = try parseOptions()
        let limits = try memory.limits()
        let world = try confinement.world()
        let paths: [String]
        switch SpecDiscovery.expand(specs, world: world) {
        case .success(let found): paths = found
        case .failure(let error):
            Output.diagnostics(error.diagnostics)
            throw ExitStatus.invalidSpecOrUsage
        }
        let requests = paths.map {
            BuildRequest(specPath: $0, outputDirectory: out, formats: parsed.formats, parameters: parsed.parameters, asOf: parsed.asOf, limits: limits)
        }
        // A progress line on a terminal only (never in cron mail or CI logs), redrawn in place on stderr.
        var progress: (@Sendable (Int, Int, String) -> Void)? = nil
        if Output.stderrIsTerminal && !json {
            progress = { (done: Int, total: Int, name: String) in
                Output.progress("[\(done)/\(total)] built \(name)", finished: done == total)
            }
        }
        let options = BuildOptions(jobs: jobs ?? CoreCount.available, shard: parsed.shard, force: force, progress: progress)
        let outcomes = BuildScheduler.run(requests, options: options, world: world)
        var failures: [ExitStatus] = []
        var fired: [Alert] = []
        for outcome in outcomes {
            switch outcome.status {
            case .built(let summary):
                Output.diagnostics(summary.warnings)
                if !json { Output.line(summary.line + String(format: " (%.2fs)", outcome.seconds)) }
            case .upToDate(let directory):
                if !json { Output.line("up to date \(Path.stem(of: outcome.specPath))\(outcome.item.map { " [\($0)]" } ?? ""): \(directory) (use --force to rebuild)") }
            case .failed(let error):
                failures.append(ExitStatus.reporting(error))
            }
            for alert in outcome.alerts where parsed.failOn.contains(alert.kind) {
                fired.append(alert)
                Output.error("alert: \(alert.kind.rawValue): \(alert.message)")
            }
        }
        let status: ExitStatus
        if failures.isEmpty {
            status = fired.isEmpty ? .success : .alert
        } else if failures.count == outcomes.count, let first = failures.first, Set(failures.map(\.rawValue)).count == 1 {
            status = first
        } else {
            status = .someBuildsFailed
        }
        if json { Output.line(BuildJSON.summary(outcomes, fired: fired, exitCode: status.rawValue)) }
        if status != .success { throw status }
    }

    /// Checks and converts every option; usage errors exit 2 with a hint.
    private func parseOptions() throws -> (parameters: [String: String], asOf: CivilDate?, formats: [String]?, shard: (index: Int, count: Int)?, failOn: Set<AlertKind>) {
        let (parameters, pinned) = try reportOptions.parsed()
        var formats: [String]? = nil
        if let format {
            formats = format.split(separator: ",").map { $0.trimmingCharacters() }
            for name in formats ?? [] where !["pdf", "png", "svg", "pages"].contains(name) {
                Output.error("error: --format '\(name)' is not a format; use pdf, png, svg or pages (comma-separated)")
                throw ExitStatus.invalidSpecOrUsage
            }
        }
        var shardValue: (index: Int, count: Int)? = nil
        if let shard {
            let parts = shard.split(separator: "/")
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else {
                Output.error("error: --shard '\(shard)' must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/4")
                throw ExitStatus.invalidSpecOrUsage
            }
            shardValue = (i - 1, n)
        }
        if let jobs, jobs < 1 {
            Output.error("error: --jobs must be at least 1")
            throw ExitStatus.invalidSpecOrUsage
        }
        var alerts = Set<AlertKind>()
        for name in (failOn ?? "").split(separator: ",").map({ $0.trimmingCharacters() }) where !name.isEmpty {
            guard let kind = AlertKind(rawValue: name) else {
                Output.error("error: --fail-on '\(name)' is not an alert; use special-cause, target-missed or data-quality")
                throw ExitStatus.invalidSpecOrUsage
            }
            alerts.insert(kind)
        }
        return (parameters, pinned, formats, shardValue, alerts)
    }
}

/// `tally validate`: checks specs, their data headers and (unless --headers-only) their formulas on the data, writing nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check specs without writing anything: keys, references, data headers, and formulas evaluated on the data. Exit 0 when valid, 2 when not.",
        discussion: """
            By default the data are read and the report is evaluated (every KPI formula compiled and run, limits checked),
            so a spec that validates builds. --headers-only stops after the spec and the data files' header rows.
            """)

    @Argument(help: ArgumentHelp("Spec files (.yaml) or directories of specs.", valueName: "spec"))
    var specs: [String]

    @Flag(name: .customLong("headers-only"), help: "Check the spec and the data files' headers only; read no data rows.")
    var headersOnly = false

    @OptionGroup var reportOptions: ParameterOptions

    @OptionGroup var confinement: RootOption

    @OptionGroup var memory: MemoryOption

    func run() throws {
        let (parameters, asOf) = try reportOptions.parsed()
        let limits = try memory.limits()
        let world = try confinement.world()
        let paths: [String]
        switch SpecDiscovery.expand(specs, world: world) {
        case .success(let found): paths = found
        case .failure(let error):
            Output.diagnostics(error.diagnostics)
            throw ExitStatus.invalidSpecOrUsage
        }
        var failed = false
        for path in paths {
            let request = BuildRequest(specPath: path, parameters: parameters, asOf: asOf, limits: limits)
            let diagnostics = SpecValidation.validate(request, world: world, depth: headersOnly ? .headers : .evaluate)
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

/// `tally inspect`: profiles a CSV file, or prints its parsed records.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Profile a CSV file: columns, inferred types, missing values, ranges, delimiter and encoding.",
        discussion: "Parse errors are printed to stderr with their line and column; the exit code is then 3.")

    @Flag(name: .long, help: "Print the profile as JSON.")
    var json = false

    @Flag(name: .long, help: "Print the parsed records as a JSON array of objects keyed by header (exact field text).")
    var records = false

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
    var file: String

    @OptionGroup var confinement: RootOption

    func run() throws {
        switch DataInspection.inspect(path: file, json: json, records: records, world: try confinement.world()) {
        case .success(let text): Output.line(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        case .failure(let error):
            throw ExitStatus.reporting(error)
        }
    }
}

/// `tally init`: writes a commented starter spec from a CSV file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter spec from a CSV file (columns, proposed phases and KPIs).")

    @Option(name: .long, help: ArgumentHelp("Where to write the spec (default: <csv name>.yaml in the current folder).", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Overwrite an existing spec file.")
    var force = false

    @Argument(help: ArgumentHelp("The CSV file to start from.", valueName: "file"))
    var file: String

    @OptionGroup var confinement: RootOption

    func run() throws {
        let world = try confinement.world()
        let target = out ?? Path.stem(of: file) + ".yaml"
        if world.resolvedPath(target) == world.resolvedPath(file) {
            Output.error("error: '\(target)' is the CSV file itself; choose another name for the spec with --out")
            throw ExitStatus.invalidSpecOrUsage
        }
        if world.fileExists(target) && !force {
            Output.error("error: '\(target)' already exists; choose another name with --out, or --force to overwrite")
            throw ExitStatus.invalidSpecOrUsage
        }
        switch StarterSpec.make(csvPath: file, specPath: target, world: world) {
        case .success(let yaml):
            do {
                try world.writeFileAtomically(Array(yaml.utf8), to: target)
            } catch {
                Output.error("error: cannot write '\(target)': \(error.reason)")
                throw ExitStatus.someBuildsFailed
            }
            Output.line("wrote \(target): edit the title, phase dates and KPIs, then run 'tally build \(target)'")
        case .failure(let error):
            throw ExitStatus.reporting(error)
        }
    }
}

/// `tally explain`: the numbers behind a block.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the numbers behind a block: method, limits, which rule flagged which point, which test was used.",
        discussion: "Without --block, lists the blocks and their ids. Nothing is written to disk.")

    @Option(name: .long, help: ArgumentHelp("The block's id (see the list printed without --block).", valueName: "id"))
    var block: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Pin the report date (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Argument(help: ArgumentHelp("The spec.", valueName: "spec"))
    var spec: String

    @OptionGroup var confinement: RootOption

    @OptionGroup var memory: MemoryOption

    func run() throws {
        let pinned = try ExitStatus.parseDate(asOf)
        let request = BuildRequest(specPath: spec, formats: [], asOf: pinned, limits: try memory.limits())
        switch ReportExplanation.explain(specPath: spec, block: block, request: request, world: try confinement.world()) {
        case .success(let text): Output.line(text)
        case .failure(let error):
            throw ExitStatus.reporting(error)
        }
    }
}

/// `tally schema`: prints the JSON Schema of the spec language.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of report specs, for editor autocompletion and CI checks.",
        discussion: "Save it beside your specs and start each spec with: # yaml-language-server: $schema=tally.schema.json")

    func run() throws {
        Output.line(String(SpecValidation.jsonSchema().dropLast()))
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
