/// Phrase pools from which customer remarks are composed (some contain commas, quotes or line breaks, so the
/// files exercise RFC 4180 quoting).
enum Phrases {
    /// Openers of positive remarks.
    static let positiveOpeners = [
        "Really helpful, thank you.", "Great service.", "Quick and easy.", "Brilliant,", "Very happy with the call.",
        "Sorted first time!", "Lovely agent.", "Excellent", "Good experience overall.", "Thanks so much,",
        "Couldn't have asked for more.", "10/10", "Five stars.", "Much better than last time.",
    ]
    /// Details of positive remarks.
    static let positiveDetails = [
        "the agent explained my bill clearly", "she knew exactly what to do", "he sorted my direct debit in minutes",
        "no waiting at all", "sorted my meter reading straight away", "explained everything, no jargon",
        "really patient with me", "the chat was quick and friendly", "set up a payment plan I can afford",
        "called me back when she said she would", "fixed the smart meter issue remotely",
        "moving home was painless for once", "they actually listened", "the refund arrived the next day",
    ]
    /// Closers of positive remarks.
    static let positiveClosers = [
        "Thank you!", "Keep it up.", "Please pass on my thanks.", "", "", "Will recommend.", "Cheers",
        "Credit to the team.",
    ]
    /// Openers of negative remarks.
    static let negativeOpeners = [
        "Not happy.", "Terrible.", "Disappointed,", "Still not fixed.", "Waste of time.", "Absolutely useless",
        "Third time calling about this.", "Poor service.", "Very frustrating.", "Not good enough,",
    ]
    /// Details of negative remarks.
    static let negativeDetails = [
        "waited over 40 minutes to get through", "nobody called me back", "my bill is still wrong",
        "I was passed between three departments", "the agent didn't seem to know the answer",
        "had to repeat my details every time", "the smart meter still isn't sending readings",
        "they estimated my reading again", "the website kept crashing", "I was cut off twice",
        "the payment plan is too high", "I was told it was \"sorted\" but it isn't",
        "still charged for my old address", "nobody could explain the charges",
    ]
    /// Closers of negative remarks.
    static let negativeClosers = [
        "Will be switching supplier.", "Sort it out.", "", "", "Expect better from you.", "I want a manager to call me.",
        "Shocking.", "Very poor, considering what we pay.",
    ]
    /// Neutral or mixed remarks.
    static let neutralRemarks = [
        "OK, but took a while.", "Fine in the end", "Agent was nice, but the wait was long.",
        "Resolved, eventually.", "Average.", "Got there, but I had to chase.",
        "Helpful agent, shame about the hold music", "It's done, I think?", "Not bad, not great",
        "Bit confusing, but we got there.", "The \"quick\" chat took half an hour.",
    ]

    /// A customer remark for a survey score of 1…5 (higher = happier); about one in twelve spans two lines.
    static func remark(csat: Int, rng: inout Random) -> String {
        var result: String
        switch csat {
        case 4...5:
            result = joined(rng.pick(positiveOpeners), rng.pick(positiveDetails))
            let closer = rng.pick(positiveClosers)
            if !closer.isEmpty { result += (rng.bernoulli(0.08) ? "\n" : " ") + closer }
        case 3:
            result = rng.pick(neutralRemarks)
            if rng.bernoulli(0.4) {
                if let last = result.last, !".!?".contains(last) { result += "." }
                result += " " + capitalised(rng.pick(positiveDetails)) + "."
            }
        default:
            result = joined(rng.pick(negativeOpeners), rng.pick(negativeDetails))
            let closer = rng.pick(negativeClosers)
            if !closer.isEmpty { result += (rng.bernoulli(0.1) ? "\n" : " ") + closer }
        }
        return result
    }

    /// The phrase with its first letter upper-cased.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// An opener and a detail joined into one or two sentences, punctuated by how the opener ends.
    static func joined(_ opener: String, _ detail: String) -> String {
        switch opener.last {
        case ".", "!": return opener + " " + capitalised(detail) + "."
        case ",": return opener + " " + detail + "."
        default: return opener + ", " + detail + "."
        }
    }
}
