import TallyCore
import Testing
@testable import TallyData

/// Reading only the columns a spec mentions: same values for the columns read, the rest never parsed.
@Suite struct ColumnSelectionTests {
    static let text = """
        ticket_id,opened_at,Root Cause,score,comment
        T1,2025-01-06T09:00:00Z,billing,4,"fine, thanks"
        T2,2025-01-07T10:30:00Z,meter,5,
        T3,2025-01-08T11:00:00Z,billing,,"line one
        line two"
        """

    static func read(_ selection: ColumnSelection?, text: String = text, threads: Int = 1, schema: [String: ColumnSpec] = [:]) throws -> CSVReadResult {
        var options = CSVReadOptions(schema: schema)
        options.threads = threads
        options.columns = selection
        return try CSVReader.read(bytes: Array(text.utf8), path: "t.csv", name: "t", options: options, minimumParallelBytes: 1)
    }

    @Test func mentionedColumnsAreReadAndMatchAFullRead() throws {
        let selection = ColumnSelection(mentionedIn: "=COUNTIF([root cause],\"billing\")/COUNT(Score) by opened-at")
        #expect(selection.keeps("Root Cause") && selection.keeps("score") && selection.keeps("opened_at"))
        #expect(!selection.keeps("ticket_id") && !selection.keeps("comment"))
        let full = try Self.read(nil)
        for threads in [1, 2, 3] {
            let part = try Self.read(selection, threads: threads)
            #expect(part.table.columns.map(\.name) == ["opened_at", "Root Cause", "score"])
            #expect(part.unreadColumns == ["ticket_id", "comment"])
            #expect(part.table.rowCount == 3)
            for column in part.table.columns { #expect(column == full.table.column(named: column.name)) }
        }
    }

    @Test func unreadColumnsAreNotParsedButRecordsAreStillChecked() throws {
        // A bad date in an unread column does not matter; a declared column is always read and checked.
        let text = "id,day,score\nA,2025-13-45,1\nB,2025-01-02,2\n"
        let part = try Self.read(ColumnSelection(mentionedIn: "score"), text: text, schema: ["id": ColumnSpec(.text)])
        #expect(part.table.columns.map(\.name) == ["id", "score"])
        #expect(throws: DiagnosticError.self) {
            try Self.read(ColumnSelection(mentionedIn: "score"), text: text, schema: ["day": ColumnSpec(.date)])
        }
        // A ragged record is an error whatever is read.
        #expect(throws: DiagnosticError.self) {
            try Self.read(ColumnSelection(mentionedIn: "score"), text: "id,day,score\nA,x\n")
        }
    }

    @Test func aSelectionThatKeepsNothingReadsEverything() throws {
        let part = try Self.read(ColumnSelection(mentionedIn: "nothing relevant here"))
        #expect(part.table.columns.count == 5)
        #expect(part.unreadColumns.isEmpty)
    }

    @Test func namesCanBeKeptWithoutBeingMentioned() throws {
        let part = try Self.read(ColumnSelection(mentionedIn: "score", plus: ["COMMENT"]))
        #expect(part.table.columns.map(\.name) == ["score", "comment"])
    }
}
