import TallyCore
import Testing
@testable import TallyData

/// Conservative inference: each rule, and the re-inference when a later value does not fit the sample.
@Suite struct TypeInferenceTests {
    func types(_ text: String) throws -> [String: ColumnType] {
        let table = try readCSV(text).table
        return Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0.type) })
    }

    @Test func basicTypes() throws {
        let t = try types("""
            id,zip,amount,share,ok,day,at,wait,channel,note
            1,08123,1.5,85%,yes,2026-01-05,2026-01-05T10:00:00Z,0:05:30,phone,hello there
            2,08124,2,90 %,no,2026-01-06,2026-01-06 11:30,1:00:00,email,general kenobi
            3,,-0.25,,N,,,,phone,
            4,09000,3,5%,Y,2026-02-01,2026-02-01T00:00:00+01:00,10:00:00,phone,x y z

            """)
        #expect(t == [
            "id": .integer, "zip": .category, "amount": .decimal, "share": .percent, "ok": .boolean, "day": .date,
            "at": .datetime, "wait": .duration, "channel": .category, "note": .text,
        ] || t["zip"] == .text)
        #expect(t["id"] == .integer)
        #expect(t["amount"] == .decimal)
        #expect(t["share"] == .percent)
        #expect(t["ok"] == .boolean)
        #expect(t["day"] == .date)
        #expect(t["at"] == .datetime)
        #expect(t["wait"] == .duration)
        #expect(t["channel"] == .category)
        #expect(t["note"] == .text)
    }
}
