import TallyCore

/// Loads a report spec from YAML text: parse, check keys and values, build the model, check references.
public enum SpecLoader {
    /// Loads `text` (the contents of the spec file at `path`); returns the spec when there are no errors,
    /// and every diagnostic found (errors and warnings), each located at `path:line:column`.
    public static func load(text: String, path: String) -> (Spec?, [Diagnostic]) {
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
        let bytes: [UInt8]
        do {
            bytes = try world.readFile(path)
        } catch {
            return (nil, [Diagnostic.error(.spec, Messages.unreadableSpec(path, reason: error.reason).text, at: SourceLocation(file: path))])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let message = Messages.yamlReader("invalid UTF-8")
            return (nil, [Diagnostic.error(.spec, message.text, at: SourceLocation(file: path), hint: message.hint)])
        }
        return load(text: text, path: path)
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
