// Stage 1 · YAML: the tokens the scanner hands to the parser.
//
// Reading YAML happens in two steps, as in PyYAML and libyaml: the scanner turns
// characters into tokens (indentation becomes explicit BLOCK-MAPPING-START / BLOCK-END
// pairs, `key:` becomes KEY scalar VALUE), and the parser turns tokens into nodes.
// This file is the vocabulary between the two.

/// One token of a YAML text, produced by `YAMLScanner` and consumed by `YAMLParser`.
struct YAMLToken: Sendable, Equatable {
    /// What the token is; scalars, anchors, aliases and tags carry their text.
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        /// `%NAME param…` at the start of a line, before a document.
        case directive(name: String, parameters: [String])
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case key, value, blockEntry, flowEntry
        case alias(String), anchor(String)
        /// A tag as written: `handle` is `!`, `!!` or `!name!` (empty for `!<verbatim>`).
        case tag(handle: String, suffix: String)
        /// A scalar's text after escapes and folding; `isPlain` decides whether it is
        /// resolved (`10` → int) or always a string (`"10"`).
        case scalar(String, isPlain: Bool)
    }

    var kind: Kind
    /// Where the token starts, 1-based.
    var mark: YAMLMark

    /// The name an error message uses for this token, as PyYAML words it.
    var displayName: String {
        switch kind {
        case .streamStart: "<stream start>"
        case .streamEnd: "<stream end>"
        case .directive: "<directive>"
        case .documentStart: "<document start>"
        case .documentEnd: "<document end>"
        case .blockSequenceStart: "<block sequence start>"
        case .blockMappingStart: "<block mapping start>"
        case .blockEnd: "<block end>"
        case .flowSequenceStart: "'['"
        case .flowSequenceEnd: "']'"
        case .flowMappingStart: "'{'"
        case .flowMappingEnd: "'}'"
        case .key: "'?'"
        case .value: "':'"
        case .blockEntry: "'-'"
        case .flowEntry: "','"
        case .alias: "<alias>"
        case .anchor: "<anchor>"
        case .tag: "<tag>"
        case .scalar: "<scalar>"
        }
    }
}
