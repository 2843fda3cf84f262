/// A stable, human-readable text form of a frame: the golden format for layout and chart tests.
public enum FrameDump {
    /// Dumps a frame, one item per line, numbers rounded to 0.1 pt, nested groups indented.
    public static func dump(_ frame: Frame) -> String {
        var lines = ["frame \(n(frame.size.width))x\(n(frame.size.height))"]
        dump(frame, indent: 1, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dump(_ frame: Frame, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: indent)
        for item in frame.items {
            switch item {
            case .shape(let path, let fill, let stroke):
                var text = pad + "shape " + describe(path)
                if let fill { text += " fill=\(fill.hexString)" + (fill.alpha < 1 ? "@\(n(fill.alpha))" : "") }
                if let stroke {
                    text += " stroke=\(stroke.color.hexString)/\(n(stroke.width))"
                    if !stroke.dash.isEmpty { text += " dash=" + stroke.dash.map(n).joined(separator: ",") }
                }
                lines.append(text)
            case .text(let box):
                var text = pad + "text (\(n(box.origin.x)),\(n(box.origin.y)))"
                if let width = box.width { text += " w=\(n(width))" }
                text += " \(box.font.family) \(n(box.font.size))\(box.font.weight == .bold ? " bold" : "")"
                if box.alignment != .left { text += " \(box.alignment.rawValue)" }
                if box.rotation != 0 { text += " rot=\(n(box.rotation))" }
                text += " \(box.color.hexString) \"\(box.text.plainText.replacingNewlines())\""
                lines.append(text)
            case .link(let rect, let target):
                lines.append(pad + "link \(describe(rect)) -> \(target)")
            case .anchor(let name, let point):
                lines.append(pad + "anchor \(name) (\(n(point.x)),\(n(point.y)))")
            case .group(let inner, let at, let clip):
                lines.append(pad + "group at (\(n(at.x)),\(n(at.y))) \(n(inner.size.width))x\(n(inner.size.height))\(clip ? " clip" : "")")
                dump(inner, indent: indent + 1, into: &lines)
            }
        }
    }

    private static func describe(_ path: VectorPath) -> String {
        path.elements.map { element -> String in
            switch element {
            case .move(let p): return "M\(n(p.x)),\(n(p.y))"
            case .line(let p): return "L\(n(p.x)),\(n(p.y))"
            case .curve(_, _, let p): return "C\(n(p.x)),\(n(p.y))"
            case .close: return "Z"
            }
        }.joined(separator: " ")
    }

    private static func describe(_ r: Rect) -> String { "[\(n(r.minX)),\(n(r.minY)) \(n(r.width))x\(n(r.height))]" }

    /// Rounds to 0.1 and drops a trailing ".0".
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let rounded = tenths / 10
        if tenths == tenths.rounded(.towardZero), Int(tenths) % 10 == 0 { return String(Int(rounded)) }
        return String(rounded)
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        var out = ""
        for ch in self { out += ch == "\n" ? "\\n" : String(ch) }
        return out
    }
}
