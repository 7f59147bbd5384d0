// Stage 1 · YAML: the parser, which turns tokens into documents of nodes.
//
// A recursive-descent reading of YAML's grammar over the scanner's tokens, following
// PyYAML's parser production by production, with PyYAML's composer and safe constructor
// folded in: anchors are remembered and aliases replaced by the node they name, scalars
// are resolved to null/bool/int/float/string, tags are applied, and mappings are built
// with merge keys and duplicate keys handled the way Python's dict does.
//
// Nesting does not recurse: collections being built wait on an explicit stack (see
// `YAMLParser+Collections.swift`), so even a debug build on a thread with a small stack
// reads `YAMLLimits.maxNestingDepth` levels. Aliases can build trees taller or larger
// than the text looks, so every built node carries its height and size, capped too.

/// Builds `YAMLNode` documents from tokens; used by `YAMLReader.documents(in:)`.
struct YAMLParser {
    /// A node as it is built, with what the limits and merge keys need to know.
    struct Built {
        var node: YAMLNode
        /// 1 for a scalar; 1 + the tallest child for a collection.
        var height = 1
        /// How many values the node holds, counting itself, with aliases expanded.
        var size = 1
        /// A plain, untagged `<<`: a merge key when it is a mapping's key.
        var isMergeKey = false
    }

    let tokens: [YAMLToken]
    var position = 0

    // Per-document state, reset at each document start.
    var anchors: [String: Built] = [:]
    var anchorsBeingBuilt: Set<String> = []
    var tagHandles: [String: String] = [:]
    var valueCount = 0

    static let defaultTagHandles = ["!": "!", "!!": "tag:yaml.org,2002:"]
    static let coreTagPrefix = "tag:yaml.org,2002:"

    init(tokens: [YAMLToken]) {
        self.tokens = tokens
    }

    // MARK: Tokens

    /// The current token; the token array always ends with STREAM-END, which the
    /// parser never moves past, so this never reads out of bounds.
    var current: YAMLToken { tokens[min(position, tokens.count - 1)] }

    /// The current token's kind. The recursive functions below test only this and
    /// `mark`, never the whole token, so that their stack frames stay small.
    var kind: YAMLToken.Kind { tokens[min(position, tokens.count - 1)].kind }

    /// Where the current token starts.
    var mark: YAMLMark { tokens[min(position, tokens.count - 1)].mark }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func isAt(_ kinds: YAMLToken.Kind...) -> Bool { kinds.contains(kind) }

    func unexpected(_ expected: String, in context: String? = nil, startedAt start: YAMLMark? = nil) -> YAMLError {
        var message = "expected \(expected), but found \(current.displayName)"
        if let context, let start {
            message += " (while parsing \(context) that started at line \(start.line), column \(start.column))"
        }
        return YAMLError(message, at: mark)
    }

    // MARK: Documents

    /// Every document of the stream, empty (null) documents dropped.
    mutating func parseStream() throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        guard kind == .streamStart else { throw unexpected("<stream start>") }
        advance()
        var isFirst = true
        while true {
            while kind == .documentEnd { advance() }
            if kind == .streamEnd { break }
            anchors = [:]
            anchorsBeingBuilt = []
            tagHandles = Self.defaultTagHandles
            valueCount = 0
            let isImplicit = isFirst && !isAt(.documentStart, .directive)
            isFirst = false
            if !isImplicit {
                try parseDirectives()
                guard kind == .documentStart else { throw unexpected("<document start>") }
                advance()
            }
            if !isImplicit && isAt(.documentStart, .documentEnd, .streamEnd, .directive) {
                continue
            }
            let root = try parseNode(isBlock: true, allowsIndentlessSequence: false)
            if root.node.value != .null { documents.append(root.node) }
        }
        return documents
    }

    /// `%YAML 1.x` (any other major version is refused) and `%TAG !handle! prefix`.
    mutating func parseDirectives() throws(YAMLError) {
        var sawVersion = false
        while kind == .directive {
            let directive = current
            switch directive.text {
            case "YAML":
                guard !sawVersion else { throw YAMLError("found a second %YAML directive", at: directive.mark) }
                guard let version = directive.parameters.first, version.hasPrefix("1.") else {
                    throw YAMLError("found an incompatible YAML version (this reader reads YAML 1.x)", at: directive.mark)
                }
                sawVersion = true
            case "TAG":
                guard directive.parameters.count == 2 else {
                    throw YAMLError("a %TAG directive needs a handle and a prefix", at: directive.mark)
                }
                tagHandles[directive.parameters[0]] = directive.parameters[1]
            default:
                break  // Unknown directives are ignored, as YAML asks.
            }
            advance()
        }
    }

    // MARK: Nodes

    /// An anchor and a tag that precede a node's content, in either order.
    struct Properties {
        var start: YAMLMark
        var anchor: String?
        var tag: String?
    }

    func nestedTooDeeply() -> YAMLError {
        YAMLError("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep", at: mark)
    }

    mutating func parseProperties() throws(YAMLError) -> Properties {
        var properties = Properties(start: mark)
        for _ in 0..<2 {
            let token = current
            if token.kind == .anchor && properties.anchor == nil {
                properties.anchor = token.text
                advance()
            } else if token.kind == .tag && properties.tag == nil {
                properties.tag = try fullTag(handle: token.tagHandle, suffix: token.text)
                advance()
            }
        }
        if let anchor = properties.anchor {
            if anchors[anchor] != nil || anchorsBeingBuilt.contains(anchor) {
                throw YAMLError("found duplicate anchor '\(anchor)'", at: properties.start)
            }
            anchorsBeingBuilt.insert(anchor)
        }
        return properties
    }

    /// A node that is complete as soon as it starts: a scalar, or an empty node that
    /// has only an anchor or a tag (`key: &a` or `key: !!str`).
    mutating func parseLeaf(_ properties: Properties) throws(YAMLError) -> Built {
        guard kind == .scalar else {
            guard properties.anchor != nil || properties.tag != nil else { throw unexpected("the node content") }
            let value = try Self.scalarValue("", isPlain: true, tag: properties.tag, at: properties.start)
            return Built(node: YAMLNode(value, at: properties.start))
        }
        let token = current
        advance()
        let value = try Self.scalarValue(token.text, isPlain: token.isPlain, tag: properties.tag, at: properties.start)
        let isMergeKey = token.isPlain && properties.tag == nil && token.text == "<<"
        return Built(node: YAMLNode(value, at: properties.start), isMergeKey: isMergeKey)
    }

    /// Checks a collection's tag, counts the node, and records its anchor.
    mutating func finish(_ built: Built, _ properties: Properties) throws(YAMLError) {
        try Self.checkCollectionTag(properties.tag, of: built.node, taggedAt: properties.start)
        try count(1)  // children counted themselves; aliases count their whole size
        if let anchor = properties.anchor {
            anchorsBeingBuilt.remove(anchor)
            anchors[anchor] = built
        }
    }

    /// `*name`: the node anchored as `&name` earlier in the same document.
    mutating func resolveAlias() throws(YAMLError) -> Built {
        let name = current.text
        let mark = self.mark
        advance()
        if anchorsBeingBuilt.contains(name) {
            throw YAMLError("alias '*\(name)' refers to a node that contains it; JSON cannot hold a recursive structure", at: mark)
        }
        guard var built = anchors[name] else {
            throw YAMLError("found undefined alias '*\(name)'", at: mark)
        }
        try count(built.size)
        built.isMergeKey = false
        return built
    }

    /// Counts values towards the per-document limit.
    mutating func count(_ values: Int) throws(YAMLError) {
        valueCount += values
        guard valueCount <= YAMLLimits.maxNodesPerDocument else {
            throw YAMLError("the document holds more than \(YAMLLimits.maxNodesPerDocument) values once aliases are expanded", at: mark)
        }
    }

    // MARK: Tags

    /// The full name of a tag: `!!str` is `tag:yaml.org,2002:str`, a lone `!` stays `!`.
    func fullTag(handle: String, suffix: String) throws(YAMLError) -> String {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        guard let prefix = tagHandles[handle] else {
            throw YAMLError("found undefined tag handle '\(handle)'", at: mark)
        }
        return prefix + suffix
    }

    /// A scalar's value, given its text, style and tag.
    static func scalarValue(_ text: String, isPlain: Bool, tag: String?, at mark: YAMLMark) throws(YAMLError) -> YAMLValue {
        guard let tag else { return isPlain ? try YAMLScalar.resolvePlain(text, at: mark) : .string(text) }
        // PyYAML resolves a scalar tagged with the non-specific `!` as if it were plain.
        if tag == "!" { return try YAMLScalar.resolvePlain(text, at: mark) }
        switch tag.hasPrefix(coreTagPrefix) ? String(tag.dropFirst(coreTagPrefix.count)) : tag {
        case "str", "timestamp", "binary":
            return .string(text)
        case "null":
            return .null
        case "bool":
            if let value = YAMLScalar.boolValue(text.lowercased()) { return .bool(value) }
        case "int":
            if let value = YAMLScalar.constructInt(text) { return value }
        case "float":
            if let value = YAMLScalar.constructFloat(text) { return .double(value) }
        default:
            throw YAMLError("could not determine a constructor for the tag '\(tag)'", at: mark)
        }
        throw YAMLError("cannot read '\(text)' as the tag '\(tag)' asks", at: mark)
    }

    /// Collections accept no tag, `!`, `!!seq` / `!!map` as fits.
    static func checkCollectionTag(_ tag: String?, of node: YAMLNode, taggedAt mark: YAMLMark) throws(YAMLError) {
        guard let tag, tag != "!" else { return }
        switch node.value {
        case .sequence where tag == coreTagPrefix + "seq": return
        case .mapping where tag == coreTagPrefix + "map": return
        case .sequence, .mapping:
            throw YAMLError("the tag '\(tag)' cannot be applied to a \(node.value.kindName)", at: mark)
        default: return
        }
    }
}
