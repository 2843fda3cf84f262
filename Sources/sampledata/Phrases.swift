/// Phrase pools from which customer remarks are composed (some contain commas, quotes or line breaks, so the
/// files exercise RFC 4180 quoting).
enum Phrases {
    /// Openers of positive remarks.
    static let positiveOpeners = [
        "Really helpful, thank you.", "Great service.", "Quick and easy.", "Brilliant,", "Very happy with the help.",
        "Sorted first time!", "Lovely agent.", "Excellent", "Good experience overall.", "Thanks so much,",
        "Couldn't have asked for more.", "10/10", "Five stars.", "Much better than last time.",
    ]
    /// Details of positive remarks that fit any contact.
    static let positiveDetails = [
        "she knew exactly what to do", "explained everything, no jargon", "really patient with me",
        "called me back when she said she would", "they actually listened", "he was friendly and clear",
        "Siân was brilliant – thank you", "I knew exactly what happens next",
    ]
    /// Details of positive remarks by channel (phone, email, chat, social).
    static let positiveByChannel = [
        ["no waiting at all", "got through in a couple of minutes"],
        ["clear reply to my email, same day", "the email answered every question"],
        ["the chat was quick and friendly", "chat agent sent me the link straight away"],
        ["quick reply to my message", "replied within the hour, impressive"],
    ]
    /// Details of positive remarks by category, in `Catalog.categories` order.
    static let positiveByCategory = [
        ["the agent explained my bill clearly", "corrected the bill while I was on the line"],
        ["set up a payment plan I can afford", "no judgement, just helped me spread the cost"],
        ["sorted my meter reading straight away", "updated the reading and re-issued the bill"],
        ["found me a cheaper tariff", "switched my tariff there and then"],
        ["fixed the smart meter issue remotely", "booked an engineer for the next day"],
        ["moving home was painless for once", "closed the old account and opened the new one in one go"],
        ["he sorted my direct debit in minutes", "explained why my direct debit changed"],
        ["took my complaint seriously", "apologised and put it right"],
        ["reset my online account password", "got me back into my account"],
        ["the refund arrived the next day", "refunded my £62.40 credit balance straight away"],
        ["answered all my questions", "pointed me to the right team"],
    ]
    /// Details of negative remarks that fit any contact.
    static let negativeDetails = [
        "nobody called me back", "I was passed between three departments",
        "the agent didn't seem to know the answer", "had to repeat my details every time",
        "I was told it was \"sorted\" but it isn't", "nobody tells you what happens next",
    ]
    /// Details of negative remarks by channel (phone, email, chat, social).
    static let negativeByChannel = [
        ["waited over 40 minutes to get through", "I was cut off twice"],
        ["took a week to answer my email", "got a template reply that ignored my question"],
        ["the chat disconnected halfway through", "kept getting \"an agent will be with you shortly\""],
        ["had to chase on Twitter twice", "moved me to DMs and then went quiet"],
    ]
    /// Details of negative remarks by category, in `Catalog.categories` order.
    static let negativeByCategory = [
        ["my bill is still wrong", "nobody could explain the £212 \"adjustment\""],
        ["the payment plan is too high", "they wouldn't accept a lower instalment"],
        ["they estimated my reading again", "my reading still hasn't been used"],
        ["the tariff change still isn't applied", "I was moved to a dearer tariff"],
        ["the smart meter still isn't sending readings", "the engineer never turned up"],
        ["still charged for my old address", "final bill for my old place is wrong"],
        ["my direct debit went up from £85 to £140 without warning", "took two payments in one month"],
        ["my complaint is six weeks old", "had to complain twice to get a response"],
        ["the website kept crashing", "still can't log in to my account"],
        ["still waiting for my refund", "refund was promised, twice"],
        ["nobody could tell me who deals with this", "just got passed around"],
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
    /// Closers of negative remarks.
    static let negativeClosers = [
        "Will be switching supplier.", "Sort it out.", "", "", "Expect better from you.",
        "I want a manager to call me.", "Shocking.", "Very poor, considering what we pay.",
    ]
    /// Neutral or mixed remarks.
    static let neutralRemarks = [
        "OK, but took a while.", "Fine in the end", "Agent was nice, but the wait was long.",
        "Resolved, eventually.", "Average.", "Got there, but I had to chase.",
        "Helpful agent, shame about the hold music", "It's done, I think?", "Not bad, not great",
        "Bit confusing, but we got there.", "The \"quick\" chat took half an hour.",
    ]

    /// A customer remark for a survey score of 1…5 (higher = happier); about one in twelve spans two lines.
    ///
    /// Details come from the ticket's category (half the time), its channel (a quarter) or a general pool.
    static func remark(csat: Int, category: Int, channel: Int, rng: inout Random) -> String {
        var result: String
        /// A detail from the category pool, the channel pool or the general pool.
        func detail(_ general: [String], _ byChannel: [[String]], _ byCategory: [[String]]) -> String {
            let u = rng.uniform()
            if u < 0.5, byCategory.indices.contains(category) { return rng.pick(byCategory[category]) }
            if u < 0.75, byChannel.indices.contains(channel) { return rng.pick(byChannel[channel]) }
            return rng.pick(general)
        }
        switch csat {
        case 4...5:
            result = joined(rng.pick(positiveOpeners), detail(positiveDetails, positiveByChannel, positiveByCategory))
            let closer = rng.pick(positiveClosers)
            if !closer.isEmpty { result += (rng.bernoulli(0.08) ? "\n" : " ") + closer }
        case 3:
            result = rng.pick(neutralRemarks)
            if rng.bernoulli(0.4) {
                if let last = result.last, !".!?".contains(last) { result += "." }
                result += " " + capitalised(detail(positiveDetails, positiveByChannel, positiveByCategory)) + "."
            }
        default:
            result = joined(rng.pick(negativeOpeners), detail(negativeDetails, negativeByChannel, negativeByCategory))
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
