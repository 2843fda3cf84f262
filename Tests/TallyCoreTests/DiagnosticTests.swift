import Testing
import TallyCore

@Suite struct DiagnosticTests {
    @Test func rendersLocationCaretAndHint() {
        let d = Diagnostic.error(
            .spec, "unknown key 'titel'", at: SourceLocation(file: "r.yaml", line: 3, column: 5),
            hint: "did you mean 'title'?", sourceLine: "  titel: FCR")
        #expect(d.rendered() == """
            r.yaml:3:5: error: unknown key 'titel'
                  titel: FCR
                    ^
                hint: did you mean 'title'?
            """)
    }

    @Test func categoryPrefersDataOverSpec() {
        let error = DiagnosticError([
            .error(.spec, "a"), .error(.data, "b"), Diagnostic(.warning, category: .usage, message: "c"),
        ])
        #expect(error.category == .data)
    }
}

@Suite struct CivilDateTests {
    @Test func roundTripsAcrossCenturies() {
        for days in [-719_468, -1, 0, 1, 11_016, 20_000, 2_932_896] {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CivilDate(year: 2026, month: 11, day: 23).isoWeekday == 1)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2023-2-01") == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hexDigest(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hexDigest(of: long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct PathTests {
    @Test func normalisesLexically() {
        #expect(Path.normalised("ReportSpecs/../SampleData/x.csv") == "SampleData/x.csv")
        #expect(Path.normalised("./a/./b/../c") == "a/c")
        #expect(Path.normalised("../shared/x") == "../shared/x")
        #expect(Path.normalised("/a/../../b") == "/b")
        #expect(Path.normalised("a/..") == ".")
        #expect(Path.join("ReportSpecs", "/abs/file.csv") == "/abs/file.csv")
        #expect(Path.stem(of: "dir/report.v2.yaml") == "report.v2")
    }
}
