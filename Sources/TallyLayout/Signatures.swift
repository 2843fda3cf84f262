import TallyGraphics

/// A signature-and-date block for one person (learner, assessor, witness…).
public struct SignatureLine: Sendable, Hashable, Codable {
    /// The signer's role, e.g. "Learner".
    public var role: String
    /// The printed name, when known; otherwise a blank line to write on.
    public var name: String?

    /// Creates a signature line.
    public init(role: String, name: String? = nil) {
        self.role = role
        self.name = name
    }

    /// Learner, assessor and witness, as an evidence portfolio asks for.
    public static let portfolioRoles = [SignatureLine(role: "Learner"), SignatureLine(role: "Assessor"), SignatureLine(role: "Witness")]
}

extension BlockContext {
    /// Signature blocks two to a row (half the grid each), the whole panel kept on one page.
    func signatureUnits(_ lines: [SignatureLine]) -> [LayoutUnit] {
        guard !lines.isEmpty else { return [] }
        let slot = geometry.gridWidth(columns: 6)
        // A caption, so a panel that lands on a page of its own still says what it is.
        var caption = Frame(size: Size(width, 0))
        let captionBox = measurer.box(
            StyledText([TextRun("Signatures", bold: true), TextRun("  Each signatory confirms the content of this report on the date given.")]),
            font: theme.font(size: theme.bodySize - 1), color: theme.mutedText, at: .zero, width: width)
        caption.add(.text(captionBox))
        caption.size.height = captionBox.measured.height
        var rows: [LayoutUnit] = [LayoutUnit(frame: caption, spaceAfter: 10, spaceBefore: 6)]
        var index = 0
        while index < lines.count {
            var frame = Frame(size: Size(width, 0))
            var height = 0.0
            for column in 0..<2 where index + column < lines.count {
                let block = signatureBlock(lines[index + column], width: slot)
                frame.place(block, at: Point(Double(column) * (slot + PageGeometry.gutter), 0))
                height = max(height, block.size.height)
            }
            frame.size.height = height
            rows.append(LayoutUnit(frame: frame, spaceAfter: 14))
            index += 2
        }
        return keptTogether(rows)
    }

    /// Role, then Name, Signature and Date, each with a line to write on.
    private func signatureBlock(_ line: SignatureLine, width: Double) -> Frame {
        var frame = Frame(size: Size(width, 0))
        let labelFont = theme.font(size: theme.bodySize - 1)
        let role = measurer.box(StyledText([TextRun(line.role, bold: true)]), font: theme.font(size: theme.bodySize + 0.5, bold: true), color: theme.text, at: .zero, width: width)
        frame.add(.text(role))
        var y = role.measured.height + 8
        let labelWidth = 62.0
        for (label, value) in [("Name", line.name), ("Signature", nil), ("Date", nil)] {
            let rowHeight = label == "Signature" ? 30.0 : 20.0
            let baseline = y + rowHeight
            let text = measurer.box(StyledText(plain: label), font: labelFont, color: theme.mutedText, at: .zero, width: nil)
            var placed = text
            placed.origin = Point(0, baseline - text.measured.height - 1)
            frame.add(.text(placed))
            if let value {
                let v = measurer.box(StyledText(plain: value), font: theme.font(size: theme.bodySize), color: theme.text, at: .zero, width: width - labelWidth)
                var valueBox = v
                valueBox.origin = Point(labelWidth, baseline - v.measured.height - 1)
                frame.add(.text(valueBox))
            }
            frame.stroke(.line(from: Point(labelWidth, baseline), to: Point(width, baseline)), Stroke(color: theme.axis, width: 0.6))
            y = baseline + 4
        }
        frame.size.height = y
        return frame
    }
}
