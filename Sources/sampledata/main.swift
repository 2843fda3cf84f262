// sampledata: the deterministic, seeded generator of Tally's sample datasets (and of large benchmark files).
//
// Steps:
// 1. Parse the arguments (`Arguments`): output directory, ticket count, seed, which datasets. A mistake prints
//    the problem and the usage and exits with status 2.
// 2. Create the output directory and draw the agent roster (`Roster`, its own random stream).
// 3. Write tickets.csv (`TicketsGenerator`): daily volumes from the story (`Story`), then one streamed row per
//    contact. Its daily counts feed the complaints register so complaints per 1,000 contacts stay consistent.
// 4. Write complaints, targets, feedback, mystery_shopper, servqual and agents, each from its own random stream,
//    so `--only` never changes the bytes of a file.
// 5. Print one line per file (rows, bytes) to stderr. With `--check`, read each file back (`Checker`: strict
//    RFC 4180, header, every value against its column rule) and measure the story from tickets.csv (`StoryCheck`).
//    Failures to write or to check exit with status 1.
//
// The story (dates, effect sizes, every planted parameter) is documented in SampleData/README.md.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints a line to standard error.
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

let arguments: Arguments
do {
    arguments = try Arguments(parsing: Array(CommandLine.arguments.dropFirst()))
} catch {
    printError("sampledata: error: \(error.description)\n\n\(Arguments.usage)")
    exit(2)
}
if arguments.wantsHelp {
    print(Arguments.usage)
    exit(0)
}

do {
    try Generator(arguments: arguments).run()
} catch let error as CheckError {
    printError("sampledata: check failed: \(error.description)")
    exit(1)
} catch {
    printError("sampledata: error: \(error)")
    exit(1)
}
