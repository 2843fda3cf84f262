internal import CYaml
import TallyCore

/// Builds a `YAMLNode` tree from YAML text with libyaml's event parser (vendored by Yams as `CYaml`).
///
/// Composing ourselves instead of calling `Yams.compose` buys three things the spec loader needs:
/// every duplicate key is reported (Yams throws at the first and stops), aliases are expanded with a running
/// node count so a "billion laughs" document is refused early, and every node keeps its start and end marks.
struct YAMLComposer {
    /// Most nodes aliases may add to the document in total before loading stops.
    static let expansionLimit = 100_000
    /// Deepest nesting of mappings and lists (`Limits.maxYAMLDepth`).
    static let depthLimit = Limits.standard.maxYAMLDepth

    /// The spec file path used in locations.
    let file: String
    /// The spec text split into lines, for source snippets.
    let lines: SourceLines

    /// Parses `text`; returns the root node (nil when the YAML cannot be read) and the problems found.
    static func compose(text: String, file: String) -> (YAMLNode?, [Diagnostic]) {
        let composer = YAMLComposer(file: file, lines: SourceLines(text))
        return composer.run(text)
    }

    /// A libyaml mark (0-based) as a 1-based location.
    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// A spec error at a location, with its source line.
    private func diagnostic(_ message: Message, at location: SourceLocation) -> Diagnostic {
        lines.diagnostic(message, at: location)
    }

    /// A collection being composed: a sequence or a mapping, waiting for its children.
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var seenKeys: [String: SourceLocation] = [:]
        var merges: [YAMLNode] = []
        var size = 1
    }

    /// Sets up libyaml over the UTF-8 bytes and composes the document.
    private func run(_ text: String) -> (YAMLNode?, [Diagnostic]) {
        var bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) || bytes.isEmpty {
            return (nil, [diagnostic(Messages.emptySpec, at: SourceLocation(file: file, line: 1, column: 1))])
        }
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return (nil, [diagnostic(Messages.yamlOutOfMemory, at: SourceLocation(file: file))])
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> (YAMLNode?, [Diagnostic]) in
            guard let base = buffer.baseAddress else {
                return (nil, [diagnostic(Messages.emptySpec, at: SourceLocation(file: file, line: 1, column: 1))])
            }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, buffer.count - 1)
            return events(&parser)
        }
    }

    /// The parser's error as a located diagnostic with a hint for common mistakes.
    private func syntaxError(_ parser: inout yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            return diagnostic(Messages.yamlReader(problem), at: SourceLocation(file: file))
        }
        let at = lines.clamped(location(parser.problem_mark))
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own bound (1,000), met first by flow collections it scans ahead through.
            return diagnostic(Messages.tooDeep(limit: YAMLComposer.depthLimit), at: at)
        }
        let character = lines.character(at: at)
        // Where the unclosed bracket or quote started, when that is an earlier line.
        let contextLine = Int(parser.context_mark.line) + 1
        let opened = context != nil && contextLine < (at.line ?? 0) ? contextLine : nil
        return diagnostic(
            Messages.yamlSyntax(
                problem: problem, context: context, character: character, openedOnLine: opened, line: lines.line(at.line),
                column: at.column),
            at: at)
    }

    /// A NUL-terminated libyaml string.
    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Reads events into a tree: collections on a stack, anchors remembered, aliases counted.
    private func events(_ parser: inout yaml_parser_t) -> (YAMLNode?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var stack: [Frame] = []
        var root: YAMLNode?
        var anchors: [String: YAMLNode] = [:]
        var expanded = 0
        var documents = 0

        func add(_ node: YAMLNode, anchor: String?) {
            if let anchor { anchors[anchor] = node }
            guard var frame = stack.popLast() else {
                root = node
                return
            }
            frame.size += node.size
            if !frame.isMapping {
                frame.items.append(node)
            } else if let key = frame.pendingKey {
                frame.pendingKey = nil
                if case .scalar(let name, let style) = key.content {
                    if name == "<<" && style == .plain {
                        frame.merges.append(node)
                    } else if let first = frame.seenKeys[name] {
                        diagnostics.append(diagnostic(Messages.duplicateKey(name, firstLine: first.line ?? 0), at: key.location))
                    } else {
                        frame.seenKeys[name] = key.location
                        frame.pairs.append(YAMLPair(key: key, value: node))
                    }
                } else {
                    diagnostics.append(diagnostic(Messages.complexKey, at: key.location))
                }
            } else {
                frame.pendingKey = node
            }
            stack.append(frame)
        }

        func finishMapping(_ frame: Frame, end: SourceLocation) -> YAMLNode {
            var pairs = frame.pairs
            var seen = frame.seenKeys
            var size = frame.size
            for source in frame.merges {
                let mappings: [YAMLNode]
                switch source.content {
                case .mapping: mappings = [source]
                case .sequence(let items): mappings = items
                case .scalar:
                    diagnostics.append(diagnostic(Messages.badMerge, at: source.location))
                    mappings = []
                }
                for mapping in mappings {
                    guard case .mapping(let merged) = mapping.content else {
                        diagnostics.append(diagnostic(Messages.badMerge, at: mapping.location))
                        continue
                    }
                    for pair in merged {
                        guard let name = pair.key.scalarText, seen[name] == nil else { continue }
                        seen[name] = pair.key.location
                        pairs.append(pair)
                        size += pair.key.size + pair.value.size
                    }
                }
            }
            return YAMLNode(content: .mapping(pairs), location: frame.start, end: end, size: size)
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                diagnostics.append(syntaxError(&parser))
                return (nil, diagnostics)
            }
            defer { yaml_event_delete(&event) }
            let start = location(event.start_mark)
            let end = location(event.end_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if root == nil && diagnostics.isEmpty {
                    diagnostics.append(diagnostic(Messages.emptySpec, at: SourceLocation(file: file, line: 1, column: 1)))
                }
                return (root, diagnostics)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(diagnostic(Messages.secondDocument, at: start))
                    return (root, diagnostics)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value: String
                if let pointer = scalar.value {
                    let buffer = UnsafeBufferPointer(start: pointer, count: Int(scalar.length))
                    value = String(decoding: buffer, as: UTF8.self)
                } else {
                    value = ""
                }
                var style: YAMLNode.ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                if text(scalar.tag) == "tag:yaml.org,2002:str", style == .plain { style = .doubleQuoted }
                add(YAMLNode(content: .scalar(value, style), location: start, end: end, size: 1), anchor: text(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT where stack.count >= YAMLComposer.depthLimit,
                YAML_MAPPING_START_EVENT where stack.count >= YAMLComposer.depthLimit:
                // Refused before libyaml's own limit (1,000) and before a deep tree is built.
                diagnostics.append(diagnostic(Messages.tooDeep(limit: YAMLComposer.depthLimit), at: start))
                return (nil, diagnostics)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, start: start, anchor: text(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, start: start, anchor: text(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                let node = YAMLNode(content: .sequence(frame.items), location: frame.start, end: end, size: frame.size)
                add(node, anchor: frame.anchor)
            case YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { continue }
                add(finishMapping(frame, end: end), anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                let name = text(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    diagnostics.append(diagnostic(Messages.unknownAlias(name, known: anchors.keys.sorted()), at: start))
                    add(YAMLNode(content: .scalar("", .plain), location: start, end: end, size: 1), anchor: nil)
                    continue
                }
                expanded += target.size
                if expanded > YAMLComposer.expansionLimit {
                    diagnostics.append(diagnostic(Messages.aliasBomb(limit: YAMLComposer.expansionLimit), at: start))
                    return (nil, diagnostics)
                }
                add(target, anchor: nil)
            default:
                continue
            }
        }
    }
}
