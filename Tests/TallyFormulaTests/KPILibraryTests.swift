import Testing
import TallyCore
import TallyData
@testable import TallyFormula

@Suite struct KPILibraryTests {
    /// A table with every default column of the library.
    static let contacts: Table = {
        let n = 10
        var columns = [
            T.integers("csat", [5, 4, 3, nil, 5, 2, 4, 1, 5, 3]),
            T.integers("nps", [10, 9, 8, 7, 6, 0, 10, nil, 9, 3]),
            T.integers("ces", [7, 6, 5, 4, nil, 6, 7, 2, 5, 5]),
            T.booleans("fcr", [true, true, false, true, nil, true, false, true, true, true]),
            T.numbers("response_time", [3600, 7200, 90000, 86400, nil, 100, 200000, 5000, 60, 86401], type: .duration),
            T.numbers("handle_time", [300, 600, 420, 360, 900, 240, nil, 480, 510, 330], type: .duration),
            T.numbers("resolution_time", [3600, 7200, 10800, 14400, 18000, 21600, 25200, 28800, 32400, 36000], type: .duration),
            T.booleans("complaint", [false, true, false, false, false, false, true, false, false, false]),
            T.texts("contact_id", (1...n).map { "C\($0)" }),
            T.booleans("repeat_contact", [false, false, true, false, false, false, false, true, false, false]),
            T.booleans("abandoned", [false, false, false, true, false, false, false, false, false, false]),
            T.numbers("ms_score", [0.8, 0.9, nil, 0.7, 1, 0.85, 0.95, 0.6, 0.75, 0.9], type: .percent),
        ]
        for dimension in ["tangibles", "reliability", "responsiveness", "assurance", "empathy"] {
            columns.append(T.integers("\(dimension)_p", [5, 6, 4, 5, 6, 7, 5, 4, 6, 5]))
            columns.append(T.integers("\(dimension)_e", [6, 6, 6, 6, 6, 6, 6, 6, 6, 6]))
        }
        return Table(name: "contacts", columns: columns, rowCount: n)
    }()

    func value(_ id: String, columns: [String: String] = [:], parameters: [String: FormulaValue] = [:]) throws -> FormulaValue {
        let definition = try #require(KPILibrary.definition(id: id))
        let formula = definition.formula(columns: columns, parameters: parameters)
        let program = try FormulaCompiler(schema: T.schema(Self.contacts)).compileAggregate(FormulaSource(formula)).get()
        return program.evaluate(table: Self.contacts)
    }

    @Test func everyDefinitionCompilesAgainstItsDefaultColumns() throws {
        #expect(KPILibrary.all.count == 18)
        #expect(Set(KPILibrary.all.map(\.id)).count == KPILibrary.all.count)
        for definition in KPILibrary.all {
            let result = FormulaCompiler(schema: T.schema(Self.contacts)).compileAggregate(FormulaSource(definition.formula()))
            if case .failure(let e) = result { Issue.record("\(definition.id): \(e)") }
            #expect(!definition.description.isEmpty && !definition.label.isEmpty)
        }
    }

    @Test func valuesComputedByHand() throws {
        // csat: 9 ratings, 5 of them ≥ 4.
        #expect(try value("csat") == .number(5.0 / 9))
        #expect(try value("csat", parameters: ["top_box_min": .number(5)]) == .number(3.0 / 9))
        // nps: 9 answers; promoters 10,9,10,9 = 4; detractors 6,0,3 = 3 → (4−3)/9×100.
        #expect(T.close(try value("nps"), 100.0 / 9))
        #expect(try value("ces") == .number(47.0 / 9))
        #expect(try value("fcr") == .number(7.0 / 9))
        // SLA 24 h: 3600, 7200, 86400, 100, 5000, 60 are within; 90000, 200000, 86401 are not; one blank.
        #expect(try value("sla") == .number(6.0 / 9))
        #expect(T.close(try value("aht"), 4140.0 / 9 / 86_400))
        #expect(try value("median_handle_time") == .number(420.0 / 86_400))
        #expect(T.close(try value("resolution_time_median"), 19800.0 / 86_400))
        // PERCENTILE.INC 0.9 of 1..10 hours: rank 8.1 → 9.1 hours.
        #expect(T.close(try value("resolution_time_p90"), 9.1 / 24))
        #expect(try value("complaints_per_1000") == .number(200))
        #expect(try value("repeat_contact_rate") == .number(0.2))
        #expect(try value("abandonment_rate") == .number(0.1))
        #expect(T.close(try value("mystery_shopper"), 7.45 / 9))
        #expect(T.close(try value("servqual_gap_empathy"), 5.3 - 6))
    }

    @Test func columnMappingAndBracketing() throws {
        let definition = try #require(KPILibrary.definition(id: "CSAT"))
        #expect(definition.formula(columns: ["csat": "Satisfaction Score"]) == "=COUNTIF([Satisfaction Score],\">=\"&4)/COUNT([Satisfaction Score])")
        #expect(definition.kind == .proportion && definition.unit == .percent && definition.better == .higher)
        #expect(KPILibrary.definition(id: "nps")?.formula(parameters: ["promoter_min": .number(8.5)]).contains("8.5") == true)
        #expect(KPILibrary.definition(id: "aht")?.better == .lower)
    }

    @Test func checkReportsMissingAndMistypedColumns() throws {
        let schema = T.schema(T.table(T.texts("csat", ["5"]), T.integers("score", [5])))
        let at = SourceLocation(file: "r.yaml", line: 8, column: 10)
        let csat = try #require(KPILibrary.definition(id: "csat"))
        let mistyped = csat.check(schema: schema, at: at)
        #expect(mistyped.map(\.message) == ["KPI `csat` expects `csat` (csat) to be integer or decimal, but it is text"])
        #expect(mistyped.first?.location == at)
        #expect(csat.check(schema: schema, columns: ["csat": "score"], at: at).isEmpty)
        let nps = try #require(KPILibrary.definition(id: "nps"))
        let missing = nps.check(schema: schema, columns: ["promoters": "x"], parameters: ["top": .number(1)], at: at)
        #expect(missing.count == 3)
        #expect(missing.last?.hint == "map it: columns: { nps: <your column> }")
    }
}
