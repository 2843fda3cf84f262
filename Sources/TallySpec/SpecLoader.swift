import TallyCore

/// Loads a report spec from YAML text: parse, check keys and values, build the model, check references.
public enum SpecLoader {
    /// Loads `text` (the contents of the spec file at `path`); returns the spec when there are no errors,
    /// and every diagnostic found (errors and warnings), each located at `path:line:column`.
    public static func load(text: String, path: String) -> (Spec?, [Diagnostic]) {
        let size = text.utf8.count
        if size > Limits.standard.maxSpecBytes {
            let message = Messages.specTooLarge(bytes: size, limit: Limits.standard.maxSpecBytes)
            return (nil, [Diagnostic.error(.spec, message.text, at: SourceLocation(file: path), hint: message.hint)])
        }
        let (root, yamlProblems) = YAMLComposer.compose(text: text, file: path)
        guard let root else { return (nil, yamlProblems) }
        var checker = Checker(lines: SourceLines(text))
        checker.diagnostics = yamlProblems
        guard let object = checker.checkRoot(root, schema: RootKeys.schema) else { return (nil, checker.diagnostics) }
        var builder = SpecBuilder(checker: checker, file: path)
        let spec = builder.build(object)
        var semantics = SemanticChecker(
            spec: spec, templates: builder.templates, checker: builder.checker, undatedPeriods: builder.undatedPeriods)
        semantics.run()
        let diagnostics = SpecLoader.inReadingOrder(semantics.checker.diagnostics)
        return (diagnostics.containsErrors ? nil : spec, diagnostics)
    }

    /// Loads a spec file through a `World` (the CLI's and the tests' way in); a missing file is one diagnostic.
    public static func load(path: String, world: any World) -> (Spec?, [Diagnostic]) {
        if let size = world.fileSize(path), size > Limits.standard.maxSpecBytes {
            let message = Messages.specTooLarge(bytes: size, limit: Limits.standard.maxSpecBytes)
            return (nil, [Diagnostic.error(.spec, message.text, at: SourceLocation(file: path), hint: message.hint)])
        }
        let bytes: [UInt8]
        do {
            bytes = try world.readFile(path)
        } catch {
            return (nil, [Diagnostic.error(.spec, Messages.unreadableSpec(path, reason: error.reason).text, at: SourceLocation(file: path))])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding repairs bad bytes with U+FFFD; a round trip that differs means the file is not UTF-8.
        // (Not `String(validating:)`: it needs macOS 15, the package supports macOS 13.)
        guard text.utf8.elementsEqual(bytes) else {
            let (location, byte) = SpecLoader.firstInvalidUTF8(bytes, file: path)
            let message = Messages.notUTF8(byte: byte)
            return (nil, [Diagnostic.error(.spec, message.text, at: location, hint: message.hint)])
        }
        return load(text: text, path: path)
    }

    /// Where the first byte that is not UTF-8 is (line and column in characters), and that byte.
    static func firstInvalidUTF8(_ bytes: [UInt8], file: String) -> (SourceLocation, UInt8) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            let end = index + length
            let valid = length > 0 && end <= bytes.count
                && bytes[(index + 1)..<max(index + 1, end)].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(decoding: bytes[index..<end], as: UTF8.self).utf8.elementsEqual(bytes[index..<end])
            guard valid else { return (SourceLocation(file: file, line: line, column: column), lead) }
            if lead == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        return (SourceLocation(file: file, line: line, column: column), 0)
    }

    /// Orders diagnostics by line, then column (stable), so users read them top to bottom.
    static func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}
