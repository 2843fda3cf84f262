import TallyCore

/// The process exit codes `tally` documents (README, `--help`): schedulers branch on them.
enum ExitStatus: Int32, Error {
    /// Every report was built (or was already up to date).
    case success = 0
    /// At least one report failed to build (others may have been built).
    case someBuildsFailed = 1
    /// A spec is invalid, or the command line is wrong.
    case invalidSpecOrUsage = 2
    /// A data file is missing, unreadable or malformed.
    case dataError = 3
    /// Reports were built and an alert requested with `--fail-on` fired.
    case alert = 4
}

extension ExitStatus {
    /// The exit code for a failed stage: data problems 3, output problems 1, spec and usage problems 2.
    static func of(_ error: DiagnosticError) -> ExitStatus {
        switch error.category {
        case .data: return .dataError
        case .output: return .someBuildsFailed
        case .spec, .usage: return .invalidSpecOrUsage
        }
    }

    /// Prints the error's diagnostics and returns the exit code to throw.
    static func reporting(_ error: DiagnosticError) -> ExitStatus {
        Output.diagnostics(error.diagnostics)
        return of(error)
    }

    /// Parses a `--as-of` value, or prints a usage error and throws.
    static func parseDate(_ text: String?) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: Substring(text)) else {
            Output.error("error: --as-of '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-05")
            throw ExitStatus.invalidSpecOrUsage
        }
        return date
    }
}
