import TallyCore

/// The timestamp written into PDFs and PNGs: never the wall clock, so rebuilds are byte-identical.
enum CreationDate {
    /// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the report date at midnight.
    static func text(asOf: CivilDate, world: any World) -> (pdf: String, iso: String) {
        if let epochText = world.environment("SOURCE_DATE_EPOCH"), let epoch = Int64(epochText), epoch >= 0 {
            let days = Int(epoch / 86_400)
            let seconds = Int(epoch % 86_400)
            let date = CivilDate(daysSinceEpoch: days)
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let time = "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
            return ("\(date)T\(time)", "\(date)T\(time)Z")
        }
        return ("\(asOf)T00:00:00", "\(asOf)T00:00:00Z")
    }
}
