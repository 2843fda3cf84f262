import TallyGraphics

/// The small Markdown subset report text uses: `**bold**`, `*italic*` / `_italic_`, `\` escapes,
/// paragraphs separated by blank lines, `- ` / `* ` bullet lists and `1. ` numbered lists.
public enum InlineMarkdown {
    /// Parses inline emphasis into styled runs; unmatched markers are kept as literal characters.
    public static func styled(_ source: String) -> StyledText {
        let chars = Array(source)
        var runs: [TextRun] = []
        var buffer = ""
        var bold = false, italic = false
        var italicMarker: Character = "*"

        func flush() {
            guard !buffer.isEmpty else { return }
            if let last = runs.last, last.bold == bold, last.italic == italic {
                runs[runs.count - 1].text += buffer
            } else {
                runs.append(TextRun(buffer, bold: bold, italic: italic))
            }
            buffer = ""
        }
        /// True when `marker` (one or two characters) closes later in the text.
        func closes(_ marker: String, after index: Int) -> Bool {
            let m = Array(marker)
            var i = index
            while i + m.count <= chars.count {
                if chars[i] == "\\" { i += 2; continue }
                if Array(chars[i..<(i + m.count)]) == m, i > index { return true }
                i += 1
            }
            return false
        }

        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, "*_\\`".contains(chars[i + 1]) {
                buffer.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                if bold || (closes("**", after: i + 2) && i + 2 < chars.count && chars[i + 2] != " ") {
                    flush()
                    bold.toggle()
                    i += 2
                    continue
                }
            } else if c == "*" || c == "_" {
                // `_` inside a word (snake_case) is a literal, as in CommonMark.
                let intraword = c == "_" && i > 0 && chars[i - 1].isLetterOrNumber && i + 1 < chars.count && chars[i + 1].isLetterOrNumber
                if !intraword {
                    if italic && c == italicMarker {
                        flush()
                        italic = false
                        i += 1
                        continue
                    }
                    if !italic, i + 1 < chars.count, chars[i + 1] != " ", closes(String(c), after: i + 1) {
                        flush()
                        italic = true
                        italicMarker = c
                        i += 1
                        continue
                    }
                }
            }
            buffer.append(c)
            i += 1
        }
        flush()
        return StyledText(runs.isEmpty ? [TextRun("")] : runs)
    }

    /// Splits Markdown text into paragraph and bullet-list blocks (lines of a paragraph are joined by spaces).
    public static func blocks(_ source: String) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var paragraph: [String] = []
        var bullets: [String] = []
        var numbered = false

        func endParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(styled(paragraph.joined(separator: " ")))) }
            paragraph = []
        }
        func endList() {
            if !bullets.isEmpty { blocks.append(numbered ? .numbered(bullets.map(styled)) : .bullets(bullets.map(styled))) }
            bullets = []
        }

        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty {
                endParagraph()
                endList()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") {
                endParagraph()
                if numbered { endList() }
                numbered = false
                bullets.append(String(line.dropFirst(2)).trimmingSpaces())
            } else if let item = Self.numberedItem(line) {
                endParagraph()
                if !numbered { endList() }
                numbered = true
                bullets.append(item)
            } else if !bullets.isEmpty, rawLine.first == " " {
                // An indented continuation line belongs to the previous bullet.
                bullets[bullets.count - 1] += " " + line
            } else {
                endList()
                paragraph.append(line)
            }
        }
        endParagraph()
        endList()
        return blocks
    }
}

extension InlineMarkdown {
    /// The text of a `1. ` or `1) ` list item, or nil.
    static func numberedItem(_ line: String) -> String? {
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return String(rest.dropFirst(2)).trimmingSpaces()
    }
}

extension Character {
    fileprivate var isLetterOrNumber: Bool { isLetter || isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

extension StyledText {
    /// Rich text from the inline Markdown subset (`**bold**`, `*italic*`).
    public init(markdown: String) { self = InlineMarkdown.styled(markdown) }
}
