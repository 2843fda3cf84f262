import TallyCore

/// Generates `agents.csv`: the roster as an HR export (team, contract, hire date, leaving date; never skill).
struct AgentsGenerator {
    /// The roster to write.
    let agents: [Agent]

    /// Columns of agents.csv.
    static let header = ["agent", "team", "contract", "start_date", "end_date"]

    /// Writes the file and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var csv = try CSVWriter(path: path, header: AgentsGenerator.header)
        let last = Story.start.daysSinceEpoch + Story.dayCount - 1
        for agent in agents {
            csv.text(agent.id)
            csv.text(Catalog.teams[agent.team])
            csv.text(agent.workload < 1 ? "part-time" : "full-time")
            csv.date(agent.hired)
            if agent.until < last { csv.date(CivilDate(daysSinceEpoch: agent.until)) } else { csv.empty() }
            try csv.endRow()
        }
        try csv.close()
        return csv.rows
    }
}
