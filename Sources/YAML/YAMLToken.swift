// Stage 1 · YAML: the tokens the scanner hands to the parser.
//
// Reading YAML happens in two steps, as in PyYAML and libyaml: the scanner turns
// characters into tokens (indentation becomes explicit BLOCK-MAPPING-START / BLOCK-END
// pairs, `key:` becomes KEY scalar VALUE), and the parser turns tokens into nodes.
// This file is the vocabulary between the two.

/// One token of a YAML text, produced by `YAMLScanner` and consumed by `YAMLParser`.
///
/// The kind is a plain enum and the text rides beside it rather than as an associated
/// value: the parser tests the current kind many times a token, and comparing a
/// payload-free kind copies nothing.
struct YAMLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        /// `%NAME param…` at the start of a line, before a document.
        case directive
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case key, value, blockEntry, flowEntry
        case alias, anchor
        /// A tag as written: `tagHandle` is `!`, `!!` or `!name!` (empty for
        /// `!<verbatim>`), and `text` the rest.
        case tag
        /// A scalar's text after escapes and folding; `isPlain` decides whether it is
        /// resolved (`10` → int) or always a string (`"10"`).
        case scalar
    }

    var kind: Kind
    /// Where the token starts, 1-based.
    var mark: YAMLMark
    /// A scalar's text, an alias's or anchor's name, a tag's suffix, a directive's name.
    var text = ""
    /// Whether a scalar was written plain (unquoted, not a block).
    var isPlain = false
    var tagHandle = ""
    var parameters: [String] = []

    /// The name an error message uses for this kind of token, as PyYAML words it.
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
