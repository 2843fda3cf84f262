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
