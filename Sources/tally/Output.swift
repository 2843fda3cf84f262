#if canImport(Glibc)
import Glibc
#endif
import TallyCore

/// Writes whole lines straight to file descriptors 1 and 2 (no shared C `FILE*` state, so no buffering
/// surprises in pipes, cron mail or CI logs).
enum Output {
    /// A line on stdout.
    static func line(_ text: String) { write(to: 1, text + "\n") }

    /// A line on stderr.
    static func error(_ text: String) { write(to: 2, text + "\n") }

    /// Every diagnostic on stderr, compiler-style, with a count line when there are several errors.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { error(diagnostic.rendered()) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 1 { error("\(errors) errors") }
    }

    /// True when stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Redraws one progress line on stderr; the last one is cleared so summaries start on a clean line.
    static func progress(_ text: String, finished: Bool) {
        write(to: 2, "\r\u{1B}[2K" + String(text.prefix(100)) + (finished ? "\r\u{1B}[2K" : ""))
    }

    private static func write(to descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(count)
        }
    }
}
