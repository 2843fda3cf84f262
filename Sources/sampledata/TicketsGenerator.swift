import Foundation
import TallyCore

/// Generates `tickets.csv`: one row per customer contact, in opening order, carrying the planted story.
struct TicketsGenerator {
    /// The run's seed.
    let seed: UInt64
    /// Total number of tickets to write.
    let rows: Int
    /// The agent roster.
    let agents: [Agent]

    /// Columns of tickets.csv.
    static let header = [
        "ticket_id", "opened_at", "closed_at", "channel", "team", "agent", "category", "handle_time_sec", "fcr",
        "csat", "nps", "ces", "sla_met", "repeat_contact", "comment",
    ]

    /// The planted effect sizes of the ticket model (SampleData/README.md lists them with their meaning).
    /// `r` is the change's ramp (0 before 2025-07-07, 1 from 2025-07-20), `o` the outage intensity (0…1).
    enum Model {
        /// Log-odds of first-contact resolution for an average agent, phone, category effect 0.
        static let fcrIntercept = 0.80
        /// FCR log-odds per unit of agent skill.
        static let fcrSkill = 0.30
        /// FCR log-odds added by the change at full strength.
        static let fcrChange = 0.26
        /// FCR log-odds added at full outage intensity.
        static let fcrOutage = -1.0
        /// Log-odds of a top-2-box CSAT (4 or 5) for an unresolved contact, SLA met, average agent.
        static let csatIntercept = 0.25
        /// CSAT top-2-box log-odds added when the contact was resolved first time.
        static let csatFCR = 1.6
        /// CSAT top-2-box log-odds per unit of agent skill.
        static let csatSkill = 0.25
        /// CSAT top-2-box log-odds added by the change at full strength.
        static let csatChange = 0.24
        /// CSAT top-2-box log-odds added at full outage intensity.
        static let csatOutage = -1.0
        /// CSAT top-2-box log-odds added when the first response missed its SLA.
        static let csatSLAMissed = -0.3
        /// Share of 5s among top-2-box answers.
        static let csatFiveShare = 0.58
        /// σ of log handle time.
        static let handleSigma = 0.55
        /// Handle-time factor per unit of skill: exp(−0.10 · skill).
        static let handleSkill = -0.10
        /// Relative handle-time reduction by the change at full strength.
        static let handleChange = -0.07
        /// Relative handle-time increase at full outage intensity.
        static let handleOutage = 0.35
        /// Relative wait reduction by the change at full strength.
        static let waitChange = -0.25
        /// Relative wait increase at full outage intensity (×6 at the peak).
        static let waitOutage = 5.0
        /// Probability of a repeat contact after an unresolved contact (baseline).
        static let repeatIfUnresolved = 0.30
        /// Probability of a repeat contact after a contact resolved first time (baseline).
        static let repeatIfResolved = 0.05
        /// Relative reduction of repeat-contact probability by the change at full strength.
        static let repeatChange = -0.15
        /// Repeat-contact probability added at full outage intensity.
        static let repeatOutage = 0.04
        /// Median time from first response to closure for unresolved contacts, in hours (baseline).
        static let followUpHours = 28.0
        /// Relative reduction of the follow-up time by the change at full strength.
        static let followUpChange = -0.15
        /// Share of contacts moved to another team (overflow).
        static let overflow = 0.06
        /// Share of survey respondents who also answer NPS.
        static let npsResponse = 0.85
        /// Share of survey respondents who also answer CES.
        static let cesResponse = 0.30
        /// Share of survey respondents who leave a comment.
        static let commentRate = 0.28
    }

    /// Per-day multiplicative noise on volume and on queue load, drawn from their own stream.
    struct DayNoise: Sendable {
        /// Multiplier on the day's expected contact volume (lognormal, σ 0.07).
        let volume: [Double]
        /// Multiplier on the day's waits (lognormal, σ 0.20).
        let load: [Double]

        /// Draws the noise for every day of the period.
        init(seed: UInt64) {
            var rng = Random(seed: seed, stream: "volume")
            var volume: [Double] = []
            var load: [Double] = []
            for _ in 0..<Story.dayCount {
                volume.append(exp(0.07 * rng.normal()))
                load.append(exp(0.20 * rng.normal()))
            }
            self.volume = volume
            self.load = load
        }
    }

    /// Tickets per day: volume weight × noise, scaled to exactly `rows` in total by largest remainder.
    static func dailyCounts(seed: UInt64, rows: Int) -> [Int] {
        let noise = DayNoise(seed: seed)
        let weights = (0..<Story.dayCount).map { Story.volumeWeight(Story.day($0)) * noise.volume[$0] }
        let total = weights.reduce(0, +)
        let exact = weights.map { $0 / total * Double(rows) }
        var counts = exact.map { Int($0.rounded(.down)) }
        let missing = rows - counts.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - exact[a].rounded(.down)
            let rb = exact[b] - exact[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        for index in order.prefix(missing) { counts[index] += 1 }
        return counts
    }

    /// Relative arrivals by local hour for phone and chat on weekdays (08:00–19:59).
    static let weekdayHours: [Double] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0.7, 1.2, 1.35, 1.25, 1.0, 1.05, 1.15, 1.05, 0.95, 0.8, 0.55, 0.4, 0, 0, 0, 0,
    ]
    /// Relative arrivals by local hour for phone and chat on Saturdays and bank holidays (09:00–16:59).
    static let saturdayHours: [Double] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.2, 1.2, 1.0, 0.9, 0.8, 0.7, 0.6, 0, 0, 0, 0, 0, 0, 0,
    ]
    /// Relative arrivals by local hour for chat on Sundays (10:00–15:59).
    static let sundayHours: [Double] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.1, 1.0, 0.9, 0.8, 0.7, 0, 0, 0, 0, 0, 0, 0, 0,
    ]
    /// Relative arrivals by local hour for email and social (around the clock).
    static let allDayHours: [Double] = [
        0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.6, 0.9, 1.0, 1.0, 1.0, 1.1, 1.0, 0.95, 0.9, 0.9, 0.9, 1.0, 1.1,
        1.1, 0.9, 0.6, 0.3,
    ]

    /// NPS answer weights (0…10) given the CSAT answer (index 0 = CSAT 1).
    static let npsGivenCSAT: [[Double]] = [
        [0.50, 0.20, 0.15, 0.10, 0.05, 0, 0, 0, 0, 0, 0],
        [0.10, 0.10, 0.15, 0.20, 0.20, 0.15, 0.10, 0, 0, 0, 0],
        [0, 0, 0, 0.10, 0.10, 0.25, 0.25, 0.20, 0.10, 0, 0],
        [0, 0, 0, 0, 0, 0.05, 0.10, 0.22, 0.35, 0.20, 0.08],
        [0, 0, 0, 0, 0, 0, 0.03, 0.05, 0.12, 0.35, 0.45],
    ]

    /// One contact before its row is written: what is needed to sort the day by opening time.
    private struct Arrival {
        /// Opening instant, seconds since epoch (UTC).
        var opened: Int
        /// Channel index.
        var channel: Int
    }

    /// The instant itself when it falls in working hours (08:00–19:59 UK time), else a time in the first
    /// 90 minutes of the next working window: back-office work (email replies, follow-ups) happens in hours.
    static func workingHours(_ utc: Int, rng: inout Random) -> Int {
        let local = utc + UKTime.offsetSeconds(utc: utc)
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - day * 86_400
        if second >= 8 * 3600 && second < 20 * 3600 { return utc }
        let nextDay = second < 8 * 3600 ? day : day + 1
        return UKTime.utc(localDate: CivilDate(daysSinceEpoch: nextDay), secondOfDay: 8 * 3600 + rng.int(below: 5400))
    }

    /// Writes all rows to `path` and returns the daily ticket counts used.
    func write(to path: String) throws(OutputError) -> [Int] {
        let counts = TicketsGenerator.dailyCounts(seed: seed, rows: rows)
        let noise = DayNoise(seed: seed)
        var rng = Random(seed: seed, stream: "tickets")
        var csv = try CSVWriter(path: path, header: TicketsGenerator.header)
        let idWidth = max(7, String(rows).count)
        let channelNames = Catalog.channels.map { Array($0.name.utf8) }
        let teamNames = Catalog.teams.map { Array($0.utf8) }
        let categoryNames = Catalog.categories.map { Array($0.name.utf8) }
        let agentIDs = agents.map { Array($0.id.utf8) }
        let npsTables = TicketsGenerator.npsGivenCSAT.map(Categorical.init)
        let hourTables = [
            TicketsGenerator.weekdayHours, TicketsGenerator.saturdayHours, TicketsGenerator.sundayHours,
            TicketsGenerator.allDayHours,
        ].map(Categorical.init)
        let teamOverflow = Categorical([40, 15, 24, 16, 5])
        var arrivals: [Arrival] = []
        var ticketNumber = 0

        for dayIndex in 0..<Story.dayCount {
            let date = Story.day(dayIndex)
            let epochDay = date.daysSinceEpoch
            let weekday = date.isoWeekday
            let isHoliday = Story.holidays[epochDay] != nil
            let phoneOpen = weekday != 7 && !Story.phoneClosed.contains(epochDay)
            let chatOpen = !Story.phoneClosed.contains(epochDay)
            let r = Story.ramp(date)
            let o = Story.outage(date)
            let peak = Story.isBillingPeak(date)

            // Channel mix and arrival hours for the day.
            let channelTable = Categorical(
                Catalog.channels.enumerated().map { index, channel in
                    if index == Catalog.phone && !phoneOpen { return 0 }
                    if index == Catalog.chat && !chatOpen { return 0 }
                    return channel.share
                })
            let liveHours = weekday == 7 ? hourTables[2] : (weekday == 6 || isHoliday) ? hourTables[1] : hourTables[0]
            arrivals.removeAll(keepingCapacity: true)
            for _ in 0..<counts[dayIndex] {
                let channel = channelTable.sample(&rng)
                let isLive = channel == Catalog.phone || channel == Catalog.chat
                let hour = (isLive ? liveHours : hourTables[3]).sample(&rng)
                let second = hour * 3600 + rng.int(below: 3600)
                arrivals.append(Arrival(opened: UKTime.utc(localDate: date, secondOfDay: second), channel: channel))
            }
            arrivals.sort { $0.opened != $1.opened ? $0.opened < $1.opened : $0.channel < $1.channel }

            // Category mix: billing categories ×1.6 on billing-peak days; the outage floods "online account".
            let categoryTable = Categorical(
                Catalog.categories.enumerated().map { index, category in
                    var weight = category.weight
                    if peak && category.billing { weight *= 1.6 }
                    if index == Catalog.onlineAccount { weight += 40 * o }
                    return weight
                })
            // Agents on shift, per team, weighted by workload.
            let agentTables: [(indices: [Int], table: Categorical)] = Catalog.teams.indices.map { team in
                let indices = agents.indices.filter { agents[$0].team == team && agents[$0].isActive(epochDay) }
                return (indices, Categorical(indices.map { agents[$0].workload }))
            }
            let skills = agents.map { $0.skill(onDay: epochDay) }
            let load = (weekday == 1 ? 1.3 : 1.0) * (peak ? 1.15 : 1.0) * (1 + Model.waitChange * r)
                * (1 + Model.waitOutage * o)
                * noise.load[dayIndex]

            for arrival in arrivals {
                ticketNumber += 1
                let channel = Catalog.channels[arrival.channel]
                let categoryIndex = categoryTable.sample(&rng)
                let category = Catalog.categories[categoryIndex]
                var team = category.team
                if rng.bernoulli(Model.overflow) { team = teamOverflow.sample(&rng) }
                let onShift = agentTables[team]
                let agentIndex = onShift.indices.isEmpty ? 0 : onShift.indices[onShift.table.sample(&rng)]
                let skill = skills.isEmpty ? 0 : skills[agentIndex]

                let handleMedian = channel.handleMedian * category.handleFactor * exp(Model.handleSkill * skill)
                    * (1 + Model.handleOutage * o) * (1 + Model.handleChange * r)
                let handle = Int(
                    clamp(rng.logNormal(median: handleMedian, sigma: Model.handleSigma), 20, 10_800).rounded())
                let live = arrival.channel == Catalog.phone || arrival.channel == Catalog.chat
                // First response: immediate queue answer for phone/chat; for email/social the inbox wait, with
                // the reply landing in working hours (08:00–20:00 UK time).
                var responded = arrival.opened
                    + Int(rng.logNormal(median: channel.waitMedian * load, sigma: channel.waitSigma).rounded())
                if !live { responded = TicketsGenerator.workingHours(responded, rng: &rng) }
                let slaMet = Double(responded - arrival.opened) <= channel.slaSeconds
                let fcrLogit = Model.fcrIntercept + channel.fcrLogit + category.fcrLogit + Model.fcrSkill * skill
                    + Model.fcrChange * r + Model.fcrOutage * o
                let fcr = rng.bernoulli(logistic(fcrLogit))
                let repeatContact = rng.bernoulli(
                    (fcr ? Model.repeatIfResolved : Model.repeatIfUnresolved) * (1 + Model.repeatChange * r)
                        + Model.repeatOutage * o)

                var closed = responded + handle
                if live { closed += rng.int(in: 20...90) }
                if !fcr {
                    let followUp = rng.logNormal(
                        median: Model.followUpHours * 3600 * (1 + Model.followUpChange * r), sigma: 0.9)
                    let followedUp = closed + Int(min(followUp, 30 * 86_400).rounded())
                    closed = TicketsGenerator.workingHours(followedUp, rng: &rng)
                }
                let isClosed = closed <= Story.exportInstant

                // Post-contact survey: only for closed tickets.
                var csat = 0
                var nps = -1
                var ces = 0
                var comment = ""
                if isClosed && rng.bernoulli(channel.surveyResponse) {
                    let t2bLogit = Model.csatIntercept + (fcr ? Model.csatFCR : 0) + Model.csatSkill * skill
                        + Model.csatChange * r + Model.csatOutage * o + (slaMet ? 0 : Model.csatSLAMissed)
                    if rng.bernoulli(logistic(t2bLogit)) {
                        csat = rng.bernoulli(Model.csatFiveShare) ? 5 : 4
                    } else {
                        let u = rng.uniform()
                        csat = u < 0.5 ? 3 : u < 0.75 ? 2 : 1
                    }
                    if rng.bernoulli(Model.npsResponse) { nps = npsTables[csat - 1].sample(&rng) }
                    if rng.bernoulli(Model.cesResponse) {
                        let mean = 1.15 * Double(csat) + (fcr ? 0.5 : 0) - 0.3
                        ces = Int(clamp(rng.normal(mean: mean, sd: 0.9).rounded(), 1, 7))
                    }
                    if rng.bernoulli(Model.commentRate) {
                        comment = Phrases.remark(
                            csat: csat, category: categoryIndex, channel: arrival.channel, rng: &rng)
                    }
                }

                csv.id([84], ticketNumber, width: idWidth)
                csv.ukDateTime(utcSeconds: arrival.opened)
                if isClosed { csv.ukDateTime(utcSeconds: closed) } else { csv.empty() }
                csv.raw(channelNames[arrival.channel])
                csv.raw(teamNames[team])
                if agentIDs.isEmpty { csv.empty() } else { csv.raw(agentIDs[agentIndex]) }
                csv.raw(categoryNames[categoryIndex])
                csv.int(handle)
                csv.flag(fcr)
                if csat > 0 { csv.int(csat) } else { csv.empty() }
                if nps >= 0 { csv.int(nps) } else { csv.empty() }
                if ces > 0 { csv.int(ces) } else { csv.empty() }
                csv.flag(slaMet)
                csv.flag(repeatContact)
                if comment.isEmpty { csv.empty() } else { csv.text(comment) }
                try csv.endRow()
            }
        }
        try csv.close()
        return counts
    }
}
