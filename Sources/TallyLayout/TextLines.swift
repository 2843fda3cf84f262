import TallyGraphics

/// Breaks styled text into the lines the measurer would wrap it into, so long paragraphs can split
/// across pages between lines (first-fit wrapping: the longest word prefix that fits is the first line).
struct TextLines {
    let measurer: any TextMeasurer

    /// The lines of `text` wrapped at `width`; explicit `\n` breaks are kept. Styling is preserved per run.
    func lines(_ text: StyledText, font: FontSpec, width: Double) -> [StyledText] {
        var result: [StyledText] = []
        for hardLine in Self.splitHardBreaks(text) {
            let tokens = Self.tokens(hardLine)
            guard !tokens.isEmpty else {
                result.append(StyledText([TextRun("")]))
                continue
            }
            var start = 0
            while start < tokens.count {
                // Binary search for the most tokens that still make one line.
                var lo = 1, hi = tokens.count - start
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    let candidate = Self.text(tokens[start..<(start + mid)])
                    if measurer.measure(candidate, font: font, width: width, lineSpacing: 1).lineCount <= 1 { lo = mid } else { hi = mid - 1 }
                }
                result.append(Self.text(tokens[start..<(start + lo)], trimTrailingSpace: true))
                start += lo
            }
        }
        return result
    }

    /// A token: a word with its trailing spaces, in one style.
    private struct Token {
        var text: String
        var run: TextRun
    }

    private static func splitHardBreaks(_ text: StyledText) -> [StyledText] {
        var lines: [[TextRun]] = [[]]
        for run in text.runs {
            let parts = run.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { lines.append([]) }
                if !part.isEmpty {
                    var piece = run
                    piece.text = String(part)
                    lines[lines.count - 1].append(piece)
                }
            }
        }
        return lines.map { StyledText($0) }
    }

    private static func tokens(_ text: StyledText) -> [Token] {
        var tokens: [Token] = []
        for run in text.runs {
            var current = ""
            var sawSpace = false
            for ch in run.text {
                if ch == " " {
                    sawSpace = true
                } else if sawSpace {
                    tokens.append(Token(text: current, run: run))
                    current = ""
                    sawSpace = false
                }
                current.append(ch)
            }
            if !current.isEmpty { tokens.append(Token(text: current, run: run)) }
        }
        return tokens
    }

    private static func text(_ tokens: ArraySlice<Token>, trimTrailingSpace: Bool = false) -> StyledText {
        var runs: [TextRun] = []
        for token in tokens {
            if let last = runs.last, last.bold == token.run.bold, last.italic == token.run.italic, last.color == token.run.color {
                runs[runs.count - 1].text += token.text
            } else {
                var run = token.run
                run.text = token.text
                runs.append(run)
            }
        }
        if trimTrailingSpace, !runs.isEmpty {
            while runs[runs.count - 1].text.last == " " { runs[runs.count - 1].text.removeLast() }
            while runs[0].text.first == " " { runs[0].text.removeFirst() }
        }
        return StyledText(runs)
    }
}
