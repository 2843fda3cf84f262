import TallyGraphics
import TallyLayout

/// A small Markdown subset for text blocks: paragraphs (blank-line separated), `- ` bullets, **bold**, *italic*.
enum InlineText {
    /// Document blocks for a Markdown text.
    static func blocks(from text: String) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var paragraph: [String] = []
        var bullets: [StyledText] = []
        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(styled(paragraph.joined(separator: " ")))) }
            paragraph = []
        }
        func flushBullets() {
            if !bullets.isEmpty { blocks.append(.bullets(bullets)) }
            bullets = []
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty {
                flushParagraph()
                flushBullets()
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph()
                bullets.append(styled(String(line.dropFirst(2))))
            } else {
                flushBullets()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushBullets()
        return blocks
    }

    /// Inline emphasis: `**bold**` and `*italic*`; unmatched markers stay as typed.
    static func styled(_ text: String) -> StyledText {
        var runs: [TextRun] = []
        var current = ""
        var bold = false, italic = false
        let characters = Array(text)
        var i = 0
        func flush() {
            if !current.isEmpty { runs.append(TextRun(current, bold: bold, italic: italic)) }
            current = ""
        }
        while i < characters.count {
            let isDouble = characters[i] == "*" && i + 1 < characters.count && characters[i + 1] == "*"
            if isDouble {
                // `**` is one marker: it toggles bold when it closes an open run or has a partner later.
                if bold || characters[(i + 2)...].containsPair("*", "*") {
                    flush()
                    bold.toggle()
                } else {
                    current += "**"
                }
                i += 2
            } else if characters[i] == "*", italic || characters[(i + 1)...].containsSingleStar() {
                flush()
                italic.toggle()
                i += 1
            } else {
                current.append(characters[i])
                i += 1
            }
        }
        flush()
        return StyledText(runs.isEmpty ? [TextRun("")] : runs)
    }
}

extension ArraySlice where Element == Character {
    /// True when a `*` that is not part of `**` follows.
    fileprivate func containsSingleStar() -> Bool {
        var index = startIndex
        while index < endIndex {
            if self[index] == "*" {
                let next = index + 1
                if next < endIndex && self[next] == "*" { index += 2; continue }
                return true
            }
            index += 1
        }
        return false
    }

    fileprivate func containsPair(_ a: Character, _ b: Character) -> Bool {
        var previous: Character? = nil
        for c in self {
            if previous == a && c == b { return true }
            previous = c
        }
        return false
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
