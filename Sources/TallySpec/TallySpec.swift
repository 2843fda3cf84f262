// TallySpec: YAML report spec → validated `Spec`, with every problem as a located diagnostic.
//
// Steps (`SpecLoader.load(text:path:)`, in order):
// 1. Compose (`Decoding/YAMLComposer`): libyaml events → `YAMLNode` tree with line:column marks. YAML syntax
//    errors stop here (one located diagnostic with a hint). Duplicate keys are reported and the first kept;
//    aliases are expanded with a running count, refused beyond `YAMLComposer.expansionLimit` nodes.
// 2. Check (`Decoding/Checker`): walk the tree against the field tables (`Decoding/Fields/*`): unknown keys
//    with did-you-mean, missing required keys, wrong shapes, bad enum words listing what is allowed, numbers,
//    percentages (75% → 0.75), ISO dates. Every problem is collected; invalid values are left out.
// 3. Build (`Decoding/SpecBuilder`): checked values → the `Spec` model (`Model/*`): defaults, alternatives
//    (builtin vs formula, from/to vs last), text templates parsed with each `{{` located.
// 4. Cross-check (`Semantics/*`): references to datasets, KPIs, phases and ids resolve (did-you-mean), phases
//    are ordered and disjoint, percentage targets lie in 0–100%, control charts fit their KPI, templates use
//    known values and filters. Checks needing CSV headers or formula types belong to the evaluator; every
//    reference in the model keeps its `SourceLocation` for them.
// 5. Return the spec only when there is no error, with all diagnostics in reading order.
//
// The same field tables generate the JSON Schema (`Schema/SpecSchema`), and a test checks that every key
// is documented in `Documentation.docc`. All user-facing texts live in `Messages.swift`.
