import TallyCore
import Testing

@testable import TallySpec

/// Damaged versions of a valid spec: the loader never crashes, never fails silently, and every diagnostic
/// points at a real line of the file.
@Suite struct RobustnessTests {
    static let lines = fullSpec.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// Loads `text` and checks the loader's contract.
    func checkContract(_ text: String, _ label: String) {
        let (spec, diagnostics) = load(text)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        if spec == nil {
            #expect(diagnostics.containsErrors, "\(label): no spec and no error")
        } else {
            #expect(!diagnostics.containsErrors, "\(label): a spec despite errors")
        }
        for diagnostic in diagnostics {
            let line = diagnostic.location?.line ?? 0
            #expect(line >= 1 && line <= max(lineCount, 1), "\(label): line \(line) outside the file: \(diagnostic.rendered())")
            #expect((diagnostic.location?.column ?? 0) >= 1, "\(label): no column: \(diagnostic.rendered())")
            #expect(!diagnostic.message.isEmpty)
        }
    }

    @Test func everyLineDeleted() {
        for index in Self.lines.indices {
            var copy = Self.lines
            copy.remove(at: index)
            checkContract(copy.joined(separator: "\n"), "without line \(index + 1)")
        }
    }

    @Test func everyLineDuplicated() {
        for index in Self.lines.indices {
            var copy = Self.lines
            copy.insert(Self.lines[index], at: index)
            checkContract(copy.joined(separator: "\n"), "line \(index + 1) twice")
        }
    }

    @Test func truncatedAnywhere() {
        let scalars = Array(fullSpec.unicodeScalars)
        for cut in stride(from: 0, to: scalars.count, by: 37) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<cut])
            checkContract(String(view), "cut at \(cut)")
        }
    }

    @Test func everyValueReplacedByAList() {
        for index in Self.lines.indices where Self.lines[index].contains(": ") {
            var copy = Self.lines
            if let colon = copy[index].range(of: ": ") {
                copy[index] = String(copy[index][..<colon.upperBound]) + "[1, 2]"
            }
            checkContract(copy.joined(separator: "\n"), "line \(index + 1) as a list")
        }
    }
}
