import TallyCore

/// The number and date formats of Excel's TEXT function that reports use (`0.0`, `#,##0`, `0%`, `yyyy-mm-dd`, `mmm yyyy`, `hh:mm`, …).
enum TextFormat {
    /// Formats a value; text passes through unchanged, errors propagate.
    static func format(_ value: FormulaValue, _ format: String) -> FormulaValue {
        let number: Double
        switch value {
        case .error(let e): return .error(e)
        case .text(let s):
            guard let n = Coercion.number(fromText: s) else { return .text(s) }
            number = n
        case .boolean(let b): return .text(b ? "TRUE" : "FALSE")
        case .blank: number = 0
        case .number(let x), .date(let x): number = x
        }
        let sections = splitSections(format)
        var section = sections.first ?? ""
        var x = number
        if x < 0, sections.count > 1 { section = sections[1]; x = -x }
        else if x == 0, sections.count > 2 { section = sections[2] }
        if section.uppercased() == "GENERAL" || section.isEmpty { return .text(GeneralFormat.format(x)) }
        if section == "@" { return .text(GeneralFormat.format(x)) }
        if isDateFormat(section) {
            guard x >= 0, x < ExcelDate.endSerial else { return .error(.value) }
            return .text(formatDate(x, section))
        }
        return .text(formatNumber(x, section))
    }

    /// Splits on `;` outside quotes.
    static func splitSections(_ format: String) -> [String] {
        var sections: [String] = [""]
        var quoted = false
        for c in format {
            if c == "\"" { quoted.toggle() }
            if c == ";" && !quoted { sections.append(""); continue }
            sections[sections.count - 1].append(c)
        }
        return sections
    }

    /// True when the format has date or time codes outside quotes.
    static func isDateFormat(_ format: String) -> Bool {
        var quoted = false
        for c in format.lowercased() {
            if c == "\"" { quoted.toggle(); continue }
            if !quoted, "ydhsm".contains(c) { return true }
        }
        return false
    }

    /// Numeric formats: `0`, `#`, `.`, `,` grouping, `%`, quoted or escaped literals.
    static func formatNumber(_ value: Double, _ format: String) -> String {
        var prefix = "", suffix = ""
        var integerZeros = 0, decimals = 0, grouping = false, percent = false
        var inNumber = false, afterPoint = false, seenNumber = false
        var quoted = false
        var escape = false
        for c in format {
            if escape { (seenNumber ? { suffix.append(c) } : { prefix.append(c) })(); escape = false; continue }
            if c == "\"" { quoted.toggle(); continue }
            if quoted { if seenNumber { suffix.append(c) } else { prefix.append(c) }; continue }
            switch c {
            case "\\": escape = true
            case "0", "#":
                inNumber = true; seenNumber = true
                if afterPoint { decimals += 1 } else if c == "0" { integerZeros += 1 }
            case ".": if inNumber || !seenNumber { afterPoint = true; inNumber = true; seenNumber = true } else { suffix.append(c) }
            case ",": if inNumber && !afterPoint { grouping = true } else if seenNumber { suffix.append(c) } else { prefix.append(c) }
            case "%": percent = true; if seenNumber { suffix.append(c) } else { prefix.append(c) }
            default:
                if seenNumber { inNumber = false; suffix.append(c) } else { prefix.append(c) }
            }
        }
        var x = percent ? value * 100 : value
        x = NumberText.roundHalfAwayFromZero(x, decimals: decimals)
        var text = NumberText.fixed(abs(x), decimals: decimals)
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts[0] == "0" && integerZeros == 0 { parts[0] = "" }
        while parts[0].count < integerZeros { parts[0] = "0" + parts[0] }
        if grouping {
            var grouped = ""
            for (i, c) in parts[0].reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            parts[0] = String(grouped.reversed())
        }
        text = parts.joined(separator: ".")
        let negative = x < 0 && text.contains(where: { $0 != "0" && $0 != "." && $0 != "," })
        return (negative ? "-" : "") + prefix + text + suffix
    }

    /// Date and time formats: y, m, d, h, s codes with literals; `m` after `h` or before `s` means minutes.
    static func formatDate(_ serial: Double, _ format: String) -> String {
        let totalSeconds = Int((serial * 86_400).rounded())
        let dayNumber = Int((Double(totalSeconds) / 86_400).rounded(.down))
        let secondsOfDay = totalSeconds - dayNumber * 86_400
        let date = CivilDate(daysSinceEpoch: dayNumber - Int(ExcelDate.epochSerial))
        let hour = secondsOfDay / 3600, minute = secondsOfDay / 60 % 60, second = secondsOfDay % 60
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
        let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let hasAmPm = format.uppercased().contains("AM/PM")
        // Tokenise into runs of the same code letter.
        var tokens: [(String, Bool)] = []  // (text, isCode)
        var quoted = false
        var chars = Array(format)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { quoted.toggle(); i += 1; continue }
            if quoted { tokens.append((String(c), false)); i += 1; continue }
            if c == "\\", i + 1 < chars.count { tokens.append((String(chars[i + 1]), false)); i += 2; continue }
            if hasAmPm, String(chars[i...].prefix(5)).uppercased() == "AM/PM" {
                tokens.append((hour < 12 ? "AM" : "PM", false)); i += 5; continue
            }
            if c == "[" , let close = chars[i...].firstIndex(of: "]") {
                // Elapsed hours/minutes: [h], [m].
                let code = String(chars[(i + 1)..<close]).lowercased()
                if code.first == "h" || code.first == "m" || code.first == "s" { tokens.append(("[" + code, true)) }
                i = close + 1
                continue
            }
            let lower = Character(c.lowercased())
            if "ymdhs".contains(lower) {
                var j = i
                while j < chars.count, Character(chars[j].lowercased()) == lower { j += 1 }
                tokens.append((String(repeating: lower, count: j - i), true))
                i = j
                continue
            }
            tokens.append((String(c), false))
            i += 1
        }
        chars = []
        var out = ""
        for (k, token) in tokens.enumerated() {
            guard token.1 else { out += token.0; continue }
            let code = token.0
            switch code.first {
            case "[":
                let unit = code.dropFirst()
                let width = unit.count
                switch unit.first {
                case "h": out += pad(totalSeconds / 3600, width)
                case "m": out += pad(totalSeconds / 60, width)
                default: out += pad(totalSeconds, width)
                }
            case "y": out += code.count <= 2 ? pad(date.year % 100, 2) : String(date.year)
            case "d":
                switch code.count {
                case 1: out += String(date.day)
                case 2: out += pad(date.day, 2)
                case 3: out += String(dayNames[date.isoWeekday - 1].prefix(3))
                default: out += dayNames[date.isoWeekday - 1]
                }
            case "h":
                let h = hasAmPm ? (hour % 12 == 0 ? 12 : hour % 12) : hour
                out += code.count >= 2 ? pad(h, 2) : String(h)
            case "s": out += code.count >= 2 ? pad(second, 2) : String(second)
            case "m":
                let previousCode = tokens[..<k].last(where: { $0.1 })?.0.first
                let nextCode = tokens[(k + 1)...].first(where: { $0.1 })?.0.first
                if code.count <= 2 && (previousCode == "h" || previousCode == "[" || nextCode == "s") {
                    out += code.count == 2 ? pad(minute, 2) : String(minute)
                } else {
                    switch code.count {
                    case 1: out += String(date.month)
                    case 2: out += pad(date.month, 2)
                    case 3: out += String(monthNames[date.month - 1].prefix(3))
                    case 5: out += String(monthNames[date.month - 1].prefix(1))
                    default: out += monthNames[date.month - 1]
                    }
                }
            default: out += code
            }
        }
        return out
    }

    /// Zero-padded decimal.
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
