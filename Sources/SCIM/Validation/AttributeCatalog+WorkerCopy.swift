extension AttributeCatalog {
    /// The same catalog built from new definition objects, for one worker thread.
    ///
    /// Definitions are classes, and validation retains one for nearly every value of every user:
    /// when several cores retain the same objects, their reference counts bounce between the
    /// cores' caches and each retain costs many times what it does on one core.
    func copyForWorker() -> AttributeCatalog {
        AttributeCatalog(core: core.copyForWorker(), enterprise: enterprise.copyForWorker(),
                         extensions: extensions.map { $0.copyForWorker() })
    }
}

extension SchemaDefinition {
    func copyForWorker() -> SchemaDefinition {
        SchemaDefinition(urn: urn, name: name, attributes: attributes.map { $0.copyForWorker() })
    }
}

extension AttributeDefinition {
    func copyForWorker() -> AttributeDefinition {
        AttributeDefinition(name, type, multiValued: multiValued, required: required, section: section,
                            canonicalValues: canonicalValues, subAttributes: subAttributes.map { $0.copyForWorker() },
                            description)
    }
}
