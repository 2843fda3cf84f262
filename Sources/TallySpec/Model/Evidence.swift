import TallyCore

/// Portfolio evidence for a qualification (`evidence:`): criteria mapped to sections and signatures.
public struct EvidenceSpec: Sendable, Hashable {
    /// The qualification, e.g. "Level 5 Diploma in Customer Service".
    public var qualification: String?
    /// The unit of the qualification.
    public var unit: String?
    /// The learner's name.
    public var learner: String?
    /// Assessment criteria and where the report evidences them.
    public var criteria: [CriterionSpec]
    /// Signature lines printed at the end.
    public var signatures: [SignatureSpec]
    /// Where `evidence:` starts.
    public var location: SourceLocation

    /// Creates the evidence part.
    public init(
        qualification: String? = nil, unit: String? = nil, learner: String? = nil, criteria: [CriterionSpec] = [],
        signatures: [SignatureSpec] = [], location: SourceLocation
    ) {
        self.qualification = qualification
        self.unit = unit
        self.learner = learner
        self.criteria = criteria
        self.signatures = signatures
        self.location = location
    }
}

/// An assessment criterion and the sections or blocks that evidence it.
public struct CriterionSpec: Sendable, Hashable {
    /// The criterion number, e.g. "3.1".
    public var id: Located<String>
    /// The criterion text.
    public var text: String
    /// Section or block ids.
    public var evidencedBy: [Located<String>]

    /// Creates a criterion.
    public init(id: Located<String>, text: String, evidencedBy: [Located<String>]) {
        self.id = id
        self.text = text
        self.evidencedBy = evidencedBy
    }
}

/// A signature line.
public struct SignatureSpec: Sendable, Hashable {
    /// The signer's role, e.g. "Assessor".
    public var role: String
    /// The signer's name, when known in advance.
    public var name: String?

    /// Creates a signature line.
    public init(role: String, name: String? = nil) {
        self.role = role
        self.name = name
    }
}

/// One report per value of a column (`batch:`).
public struct BatchSpec: Sendable, Hashable {
    /// The column whose values each get a report.
    public var forEach: Located<String>
    /// The dataset holding the column (nil: the only one).
    public var dataset: Located<String>?
    /// Where `batch:` starts.
    public var location: SourceLocation

    /// Creates the batch part.
    public init(forEach: Located<String>, dataset: Located<String>? = nil, location: SourceLocation) {
        self.forEach = forEach
        self.dataset = dataset
        self.location = location
    }
}
