import TallyCore

extension Spec {
    /// The value of every parameter: its default, overridden by `--param name=value` pairs from the command line.
    ///
    /// Problems are `.usage` diagnostics (unknown name with did-you-mean, a value of the wrong type, a parameter
    /// without default that was not given); a missing parameter points at its declaration in the spec.
    public func parameterValues(overrides: [String: String]) -> ([String: ParamValue], [Diagnostic]) {
        var values: [String: ParamValue] = [:]
        var diagnostics: [Diagnostic] = []
        let names = params.map(\.name.value)
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let param = params.first(where: { $0.name.value == name }) else {
                let message = Messages.unknownParam(name, known: names)
                diagnostics.append(.error(.usage, message.text, hint: message.hint))
                continue
            }
            guard let value = param.type.parse(text) else {
                let message = Messages.badParamValue(name, value: text, type: param.type)
                diagnostics.append(.error(.usage, message.text, hint: message.hint))
                continue
            }
            values[name] = value
        }
        for param in params where values[param.name.value] == nil {
            if let value = param.defaultValue {
                values[param.name.value] = value
            } else if overrides[param.name.value] == nil {
                let message = Messages.missingParam(param.name.value, type: param.type)
                diagnostics.append(.error(.usage, message.text, at: param.name.location, hint: message.hint))
            }
        }
        return (values, diagnostics)
    }
}
