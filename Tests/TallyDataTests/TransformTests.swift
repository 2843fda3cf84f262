import Foundation
import TallyCore
import Testing
@testable import TallyData

/// Period buckets, group-by and the `tally inspect` profile.
@Suite struct TransformTests {
    func day(_ y: Int, _ m: Int, _ d: Int) -> Int { CivilDate(year: y, month: m, day: d).daysSinceEpoch }

    @Test func periodStartsAndLabels() {
        // 2026-01-01 is a Thursday: its ISO week starts Monday 2025-12-29 and is 2026-W01.
        #expect(Period.week.start(ofDay: day(2026, 1, 1)) == day(2025, 12, 29))
        #expect(Period.week.label(start: day(2025, 12, 29)) == "2026-W01")
        #expect(Period.week.label(start: Period.week.start(ofDay: day(2027, 1, 1))) == "2026-W53")
        #expect(Period.week.start(ofDay: day(2026, 3, 29)) == day(2026, 3, 23))  // a Sunday
        #expect(Period.week.start(ofDay: day(1969, 12, 31)) == day(1969, 12, 29))  // before the epoch
        #expect(Period.month.start(ofDay: day(2026, 3, 31)) == day(2026, 3, 1))
        #expect(Period.quarter.start(ofDay: day(2026, 8, 15)) == day(2026, 7, 1))
        #expect(Period.quarter.label(start: day(2026, 7, 1)) == "2026-Q3")
        #expect(Period.month.label(start: day(2026, 7, 1)) == "2026-07")
        #expect(Period.year.start(ofDay: day(2026, 8, 15)) == day(2026, 1, 1))
    }

    @Test func datetimeBucketsRespectTheTimeZone() throws {
        let r = try readCSV("at\n2026-03-31T23:30:00Z\n2026-01-31T23:30:00Z\n\n2026-06-30T22:59:59Z\n2026-06-30T23:00:00Z\nNA\n")
        let column = try #require(r.table.column(named: "at"))
        let utc = try #require(column.periodStarts(.month))
        #expect(utc.storage == .dates([day(2026, 3, 1), day(2026, 1, 1), day(2026, 6, 1), day(2026, 6, 1), 0].map { Int32($0) }))
        // In London (BST in summer, GMT in winter) 23:30Z on 31 March is already 1 April; 31 January is not.
        let london = try #require(column.periodStarts(.month, timeZone: "Europe/London"))
        #expect(london.storage == .dates([day(2026, 4, 1), day(2026, 1, 1), day(2026, 6, 1), day(2026, 7, 1), 0].map { Int32($0) }))
        #expect(!london.validity[4])
        #expect(london.name == "at (month)")
        let fixed = try #require(column.periodStarts(.day, timeZone: "-05:00"))
        #expect(fixed.text(at: 0) == "2026-03-31")
        #expect(column.periodStarts(.day, timeZone: "Atlantis") == nil)
        #expect(Column(name: "n", type: .integer, storage: .integers([1])).periodStarts(.day) == nil)
    }

    @Test func groupByColumns() throws {
        let r = try readCSV("team,phase,score\nA,before,1\nB,before,2\nA,after,3\nA,before,4\n,after,5\nB,before,6\n,after,7\n")
        let one = try #require(r.table.grouped(by: ["team"]))
        #expect(one.groupOfRow == [0, 1, 0, 0, 2, 1, 2])
        #expect(one.groupCount == 3)
        #expect((0..<3).map { one.keys.columns[0].text(at: $0) } == ["A", "B", nil])
        let two = try #require(r.table.grouped(by: ["team", "Phase"]))
        #expect(two.groupOfRow == [0, 1, 2, 0, 3, 1, 3])
        #expect(two.rowsByGroup == [[0, 3], [1, 5], [2], [4, 6]])
        #expect(r.table.grouped(by: ["nope"]) == nil)
        let bySeconds = try readCSV("x\n1.5\n-0\n0\n1.5\n")
        #expect(bySeconds.table.grouped(by: ["x"])?.groupOfRow == [0, 1, 1, 0])
    }

    @Test func profileTextAndJSON() throws {
        let text = "id,channel,csat,comment\n1,phone,5,\"Great, thanks\"\n2,email,,\"Slow\nreply\"\n3,phone,3,Great\n4,phone,NA,\n"
        let profile = try CSVReader.profile(bytes: Array(text.utf8), path: "tickets.csv")
        #expect(profile.rowCount == 4)
        let csat = try #require(profile.columns.first { $0.name == "csat" })
        #expect(csat.type == .integer && csat.missing == 2 && csat.distinct == 2 && csat.min == "3" && csat.max == "5")
        let channel = try #require(profile.columns.first { $0.name == "channel" })
        #expect(channel.type == .category && channel.distinct == 2 && channel.samples == ["phone", "email"])
        #expect(channel.min == "email" && channel.max == "phone")
        #expect(profile.text.contains("delimiter , (detected), encoding utf-8"))
        #expect(profile.text.contains("Slow⏎reply"))
        let json = try JSONSerialization.jsonObject(with: Data(profile.json.utf8)) as? [String: Any]
        #expect(json?["rows"] as? Int == 4)
        #expect(json?["encoding"] as? String == "utf-8")
        let columns = json?["columns"] as? [[String: Any]]
        #expect(columns?.map { $0["name"] as? String } == ["id", "channel", "csat", "comment"])
        #expect(columns?[2]["missing"] as? Int == 2)
        #expect(profile.json.hasPrefix("{\n  \"path\": \"tickets.csv\",\n  \"rows\": 4,\n"))
        #expect(profile.json == (try CSVReader.profile(bytes: Array(text.utf8), path: "tickets.csv")).json)
    }
}
