import Foundation
import TallyCore

/// Generates `feedback.csv`: unsolicited and survey verbatims with a 1–5 rating and coded themes.
struct FeedbackGenerator {
    /// The run's seed.
    let seed: UInt64

    /// Columns of feedback.csv.
    static let header = ["feedback_id", "date", "source", "rating", "tags", "comment"]
    /// Expected items per unit of daily volume weight (about 4 on an ordinary weekday).
    static let itemsPerVolume = 4.5
    /// Sources with their shares and their effect on the latent rating.
    static let sources: [(name: String, weight: Double, ratingShift: Double)] = [
        ("survey", 55, 0), ("social media", 30, -0.5), ("comment card", 15, 0.2),
    ]

    /// A coded theme with its weights among negative and positive items and a sentence pool per sentiment.
    struct Theme: Sendable {
        /// Tag as exported.
        let tag: String
        /// Relative frequency among negative items (rating 1–2) in the baseline.
        let negative: Double
        /// Relative frequency among positive items (rating 4–5).
        let positive: Double
        /// Sentences for a negative remark.
        let complaints: [String]
        /// Sentences for a positive remark.
        let praise: [String]
    }

    /// The themes (the outage and the change adjust some weights; see `weights`).
    static let themes: [Theme] = [
        Theme(tag: "waiting time", negative: 30, positive: 8,
              complaints: ["Waited 45 minutes on hold, again.", "On hold for ages, then cut off.",
                           "Why does it take a week to answer an email?"],
              praise: ["Got through in under a minute!", "Answered straight away, no queue.",
                       "Quick reply to my email, same day."]),
        Theme(tag: "billing", negative: 25, positive: 8,
              complaints: ["My bill doubled and nobody can tell me why.", "Billed for a meter I don't have.",
                           "Estimated bill, even though I send readings every month."],
              praise: ["Bill explained line by line, finally makes sense.", "Corrected my bill without any fuss."]),
        Theme(tag: "staff attitude", negative: 4, positive: 35,
              complaints: ["The agent was rude and talked over me.", "Felt like I was being a nuisance."],
              praise: ["Priya was lovely, so patient.", "The agent was friendly, and really listened.",
                       "Tom went above and beyond – thank you!", "Zoë on the chat was fab.",
                       "Kind, calm and professional."]),
        Theme(tag: "resolution", negative: 12, positive: 25,
              complaints: ["Still not resolved after three calls.", "Promised a callback that never came."],
              praise: ["Sorted in one call.", "Problem fixed first time, no follow-up needed."]),
        Theme(tag: "website", negative: 8, positive: 5,
              complaints: ["Website wouldn't let me log in.", "Online account shows the wrong balance."],
              praise: ["Website is easy to use now."]),
        Theme(tag: "app", negative: 6, positive: 8,
              complaints: ["The app keeps logging me out.", "App crashed when I tried to pay."],
              praise: ["Submitting readings in the app is really easy."]),
        Theme(tag: "smart meter", negative: 10, positive: 5,
              complaints: ["Smart meter has gone \"dumb\" again.", "Engineer didn't turn up for the smart meter fit."],
              praise: ["Smart meter fitted on time, engineer was tidy."]),
        Theme(tag: "communication", negative: 15, positive: 6,
              complaints: ["Letters say one thing, the agent says another.", "Nobody tells you what happens next."],
              praise: ["Kept me updated by text, which was great.", "Clear emails, I knew what to expect."]),
        Theme(tag: "payments", negative: 6, positive: 6,
              complaints: ["Direct debit went up without warning.", "Payment plan is more than I can afford."],
              praise: ["Set up an affordable payment plan, huge relief."]),
        Theme(tag: "moving home", negative: 5, positive: 6,
              complaints: ["Still being charged for my old address."],
              praise: ["Moving home was easy, all done in one chat."]),
        Theme(tag: "complaint handling", negative: 8, positive: 3,
              complaints: ["Complaint open for 6 weeks, no reply.", "Had to complain twice to get a response."],
              praise: ["My complaint was taken seriously and sorted quickly."]),
        Theme(tag: "tariff", negative: 4, positive: 5,
              complaints: ["Tariff change wasn't applied."], praise: ["Helped me find a cheaper tariff."]),
        Theme(tag: "refund", negative: 5, positive: 4,
              complaints: ["Still waiting for my credit balance refund."],
              praise: ["Refund of £48.20 arrived in 3 days."]),
        Theme(tag: "outage", negative: 0, positive: 0,
              complaints: ["Couldn't pay my bill online for days, and couldn't get through on the phone either.",
                           "Your systems were down all week – no updates anywhere."],
              praise: ["Thanks for the updates during the outage."]),
    ]

    /// Theme weights for one item: by sentiment, with the outage and the change applied.
    static func weights(positive: Bool, ramp r: Double, outage o: Double) -> [Double] {
        themes.map { theme in
            if positive {
                switch theme.tag {
                case "waiting time": return theme.positive + 10 * r
                case "complaint handling": return theme.positive + 5 * r
                default: return theme.positive
                }
            }
            switch theme.tag {
            case "waiting time": return theme.negative * (1 - 0.5 * r) + 40 * o
            case "communication": return theme.negative * (1 - 0.3 * r)
            case "complaint handling": return theme.negative * (1 - 0.4 * r)
            case "website": return theme.negative + 80 * o
            case "app": return theme.negative + 40 * o
            case "outage": return 120 * o
            default: return theme.negative
            }
        }
    }

    /// Remarks for a middling (3) rating.
    static let mixed = [
        "Got there in the end, but it took too long.", "Agent was helpful; the wait wasn't.",
        "Fine, I suppose.", "OK service, nothing special.", "Resolved, but I had to chase twice.",
    ]

    /// Writes the file and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var rng = Random(seed: seed, stream: "feedback")
        var csv = try CSVWriter(path: path, header: FeedbackGenerator.header)
        let sourceTable = Categorical(FeedbackGenerator.sources.map(\.weight))
        var number = 0
        for dayIndex in 0..<Story.dayCount {
            let date = Story.day(dayIndex)
            let r = Story.ramp(date)
            let o = Story.outage(date)
            let count = rng.poisson(FeedbackGenerator.itemsPerVolume * Story.volumeWeight(date) * (1 + 1.5 * o))
            guard count > 0 else { continue }
            let negativeTable = Categorical(FeedbackGenerator.weights(positive: false, ramp: r, outage: o))
            let positiveTable = Categorical(FeedbackGenerator.weights(positive: true, ramp: r, outage: o))
            for _ in 0..<count {
                number += 1
                let source = FeedbackGenerator.sources[sourceTable.sample(&rng)]
                let latent = 3.3 + 0.5 * r - 1.4 * o + source.ratingShift + rng.normal(mean: 0, sd: 1.2)
                let rating = Int(clamp(latent.rounded(), 1, 5))
                let positive = rating >= 4 || (rating == 3 && rng.bernoulli(0.5))
                let table = positive ? positiveTable : negativeTable
                let tagCount = rng.uniform() < 0.55 ? 1 : rng.uniform() < 0.78 ? 2 : 3
                var picked: [Int] = []
                var attempts = 0
                while picked.count < tagCount && attempts < 20 {
                    let theme = table.sample(&rng)
                    if !picked.contains(theme) { picked.append(theme) }
                    attempts += 1
                }
                var sentences: [String] = []
                if rating == 3 { sentences.append(rng.pick(FeedbackGenerator.mixed)) }
                for theme in picked.prefix(2) {
                    let pool = positive ? FeedbackGenerator.themes[theme].praise
                        : FeedbackGenerator.themes[theme].complaints
                    if !pool.isEmpty && (sentences.isEmpty || rng.bernoulli(0.6)) { sentences.append(rng.pick(pool)) }
                }
                let hasComment = source.name != "survey" || rng.bernoulli(0.85)
                let separator = rng.bernoulli(0.07) ? "\n" : " "

                csv.id([70], number, width: 5)
                csv.date(date)
                csv.text(source.name)
                csv.int(rating)
                csv.text(picked.map { FeedbackGenerator.themes[$0].tag }.joined(separator: ";"))
                if hasComment { csv.text(sentences.joined(separator: separator)) } else { csv.empty() }
                try csv.endRow()
            }
        }
        try csv.close()
        return csv.rows
    }
}
