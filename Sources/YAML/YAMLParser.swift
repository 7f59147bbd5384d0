// Stage 1 · YAML: the parser, which turns tokens into documents of nodes.
//
// A recursive-descent reading of YAML's grammar over the scanner's tokens, following
// PyYAML's parser production by production, with PyYAML's composer and safe constructor
// folded in: anchors are remembered and aliases replaced by the node they name, scalars
// are resolved to null/bool/int/float/string, tags are applied, and mappings are built
// with merge keys and duplicate keys handled the way Python's dict does.
//
// Each level of nesting costs one level of recursion, so `depth` is capped by
// `YAMLLimits.maxNestingDepth`; aliases can build trees taller or larger than the text
// looks, so every built node carries its height and size and those are capped too.

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
    /// How many `parseNode` calls are active: the parser's recursion depth.
    var depth = 0

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

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    func isAt(_ kinds: YAMLToken.Kind...) -> Bool { kinds.contains(current.kind) }

    func unexpected(_ expected: String, in context: String? = nil, startedAt start: YAMLMark? = nil) -> YAMLError {
        var message = "expected \(expected), but found \(current.displayName)"
        if let context, let start {
            message += " (while parsing \(context) that started at line \(start.line), column \(start.column))"
        }
        return YAMLError(message, at: current.mark)
    }

    // MARK: Documents

    /// Every document of the stream, empty (null) documents dropped.
    mutating func parseStream() throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        guard current.kind == .streamStart else { throw unexpected("<stream start>") }
        advance()
        var isFirst = true
        while true {
            while current.kind == .documentEnd { advance() }
            if current.kind == .streamEnd { break }
            anchors = [:]
            anchorsBeingBuilt = []
            tagHandles = Self.defaultTagHandles
            valueCount = 0
            let isImplicit = isFirst && !isAt(.documentStart) && !isDirective
            isFirst = false
            if !isImplicit {
                try parseDirectives()
                guard current.kind == .documentStart else { throw unexpected("<document start>") }
                advance()
            }
            if !isImplicit && (isAt(.documentStart, .documentEnd, .streamEnd) || isDirective) {
                continue
            }
            let root = try parseNode(isBlock: true, allowsIndentlessSequence: false)
            if root.node.value != .null { documents.append(root.node) }
        }
        return documents
    }

    var isDirective: Bool {
        if case .directive = current.kind { return true }
        return false
    }

    /// `%YAML 1.x` (any other major version is refused) and `%TAG !handle! prefix`.
    mutating func parseDirectives() throws(YAMLError) {
        var sawVersion = false
        while case let .directive(name, parameters) = current.kind {
            switch name {
            case "YAML":
                guard !sawVersion else { throw YAMLError("found a second %YAML directive", at: current.mark) }
                guard let version = parameters.first, version.hasPrefix("1.") else {
                    throw YAMLError("found an incompatible YAML version (this reader reads YAML 1.x)", at: current.mark)
                }
                sawVersion = true
            case "TAG":
                guard parameters.count == 2 else {
                    throw YAMLError("a %TAG directive needs a handle and a prefix", at: current.mark)
                }
                tagHandles[parameters[0]] = parameters[1]
            default:
                break  // Unknown directives are ignored, as YAML asks.
            }
            advance()
        }
    }

    // MARK: Nodes

    /// One node: an alias, or optional anchor and tag followed by content.
    mutating func parseNode(isBlock: Bool, allowsIndentlessSequence: Bool) throws(YAMLError) -> Built {
        depth += 1
        defer { depth -= 1 }
        guard depth <= YAMLLimits.maxNestingDepth else {
            throw YAMLError("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep", at: current.mark)
        }
        let start = current.mark
        if case let .alias(name) = current.kind {
            return try resolveAlias(name)
        }
        var anchor: String?
        var tag: String?
        for _ in 0..<2 {
            if case let .anchor(name) = current.kind, anchor == nil {
                anchor = name
                advance()
            } else if case let .tag(handle, suffix) = current.kind, tag == nil {
                tag = try fullTag(handle: handle, suffix: suffix)
                advance()
            }
        }
        if let anchor {
            if anchors[anchor] != nil || anchorsBeingBuilt.contains(anchor) {
                throw YAMLError("found duplicate anchor '\(anchor)'", at: start)
            }
            anchorsBeingBuilt.insert(anchor)
        }
        var built: Built
        switch current.kind {
        case .blockEntry where allowsIndentlessSequence:
            built = try parseIndentlessSequence()
        case let .scalar(text, isPlain):
            advance()
            let value = try Self.scalarValue(text, isPlain: isPlain, tag: tag, at: start)
            built = Built(node: YAMLNode(value, at: start), isMergeKey: isPlain && tag == nil && text == "<<")
        case .flowSequenceStart:
            built = try parseFlowSequence()
        case .flowMappingStart:
            built = try parseFlowMapping()
        case .blockSequenceStart where isBlock:
            built = try parseBlockSequence()
        case .blockMappingStart where isBlock:
            built = try parseBlockMapping()
        default:
            guard anchor != nil || tag != nil else {
                throw unexpected("the node content", in: isBlock ? "a block node" : "a flow node", startedAt: start)
            }
            // `key: &a` or `key: !!str` with nothing after: an empty scalar.
            built = Built(node: YAMLNode(try Self.scalarValue("", isPlain: true, tag: tag, at: start), at: start))
        }
        try Self.checkCollectionTag(tag, of: built.node)
        try count(1)  // children counted themselves; aliases count their whole size
        if let anchor {
            anchorsBeingBuilt.remove(anchor)
            anchors[anchor] = built
        }
        return built
    }

    /// `*name`: the node anchored as `&name` earlier in the same document.
    mutating func resolveAlias(_ name: String) throws(YAMLError) -> Built {
        let mark = current.mark
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
            throw YAMLError("the document holds more than \(YAMLLimits.maxNodesPerDocument) values once aliases are expanded", at: current.mark)
        }
    }

    // MARK: Tags

    /// The full name of a tag: `!!str` is `tag:yaml.org,2002:str`, a lone `!` stays `!`.
    func fullTag(handle: String, suffix: String) throws(YAMLError) -> String {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        guard let prefix = tagHandles[handle] else {
            throw YAMLError("found undefined tag handle '\(handle)'", at: current.mark)
        }
        return prefix + suffix
    }

    /// A scalar's value, given its text, style and tag.
    static func scalarValue(_ text: String, isPlain: Bool, tag: String?, at mark: YAMLMark) throws(YAMLError) -> YAMLValue {
        guard let tag else { return isPlain ? YAMLScalar.resolvePlain(text) : .string(text) }
        // PyYAML resolves a scalar tagged with the non-specific `!` as if it were plain.
        if tag == "!" { return YAMLScalar.resolvePlain(text) }
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
    static func checkCollectionTag(_ tag: String?, of node: YAMLNode) throws(YAMLError) {
        guard let tag, tag != "!" else { return }
        switch node.value {
        case .sequence where tag == coreTagPrefix + "seq": return
        case .mapping where tag == coreTagPrefix + "map": return
        case .sequence, .mapping:
            throw YAMLError("the tag '\(tag)' cannot be applied to a collection", at: node.mark)
        default: return
        }
    }
}

extension YAMLNode {
    /// Whether this node is a sequence or a mapping.
    var isCollection: Bool {
        switch value {
        case .sequence, .mapping: true
        default: false
        }
    }
}
