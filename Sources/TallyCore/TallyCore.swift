// TallyCore: the vocabulary every stage shares.
//
// Steps (what lives here, in the order a build meets it):
// 1. `World` — every read, write, clock and environment lookup goes through it, so stages run in tests
//    without disk or clock (`LocalWorld` for real runs, `MemoryWorld` in tests).
// 2. `SourceLocation` and `Diagnostic` — problems as values: file:line:col, message, hint, the source line.
//    Stages collect diagnostics and return them together (`DiagnosticError`); nothing traps on user input.
// 3. `CivilDate` and `SHA256` — small, dependency-free helpers used by several stages.

/// The version string reported by `tally --version`, the PDF creator field and results.json.
public enum TallyVersion {
    /// Semantic version of this build of Tally.
    public static let current = "0.1.0"
}
