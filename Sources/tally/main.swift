// tally: the command-line front end. Thin by design — every decision a library user would need lives in
// the `Tally` module; this target parses flags, prints, and maps outcomes to documented exit codes.
//
// Steps:
// 1. Parse the command line with ArgumentParser (usage errors exit 2, not ArgumentParser's 64).
// 2. Run the command; diagnostics go to stderr, one summary line per report to stdout.
// 3. Exit with `ExitStatus`: 0 built, 1 some builds failed, 2 invalid spec or usage, 3 data error, 4 alert.
import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

do {
    var command = try TallyCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitStatus {
    Glibc.exit(exit.rawValue)
} catch {
    // Help and --version are clean exits; anything else from the parser is a usage error (exit 2).
    let code = TallyCommand.exitCode(for: error)
    if code == .success {
        TallyCommand.exit(withError: error)
    }
    let message = TallyCommand.fullMessage(for: error)
    if !message.isEmpty { Output.error("error: " + message) }
    Glibc.exit(ExitStatus.invalidSpecOrUsage.rawValue)
}
