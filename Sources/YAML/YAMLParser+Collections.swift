// Stage 1 · YAML: parsing sequences and mappings, block and flow.
//
// Block collections arrive bracketed by the scanner (BLOCK-…-START … BLOCK-END), with
// one exception: a sequence written at the same indentation as its parent key
//
//     containers:
//     - name: web
//
// has no start token of its own (an "indentless sequence"), so a block mapping's values
// may begin with a bare `-`. Flow collections are bracketed by their own `[ ]` / `{ }`,
// and `[a: 1]` is a sequence holding a one-pair mapping, as YAML says.

extension YAMLParser {
    // MARK: Block collections

    mutating func parseBlockSequence() throws(YAMLError) -> Built {
        let start = current.mark
        advance()
        var items: [Built] = []
        while true {
            switch current.kind {
            case .blockEntry:
                let entry = current.mark
                advance()
                if isAt(.blockEntry, .blockEnd) {
                    items.append(try emptyScalar(at: entry))
                } else {
                    items.append(try parseNode(isBlock: true, allowsIndentlessSequence: false))
                }
            case .blockEnd:
                advance()
                return try sequence(items, at: start)
            default:
                throw unexpected("<block end>", in: "a block collection", startedAt: start)
            }
        }
    }

    mutating func parseIndentlessSequence() throws(YAMLError) -> Built {
        let start = current.mark
        var items: [Built] = []
        while current.kind == .blockEntry {
            let entry = current.mark
            advance()
            if isAt(.blockEntry, .key, .value, .blockEnd) {
                items.append(try emptyScalar(at: entry))
            } else {
                items.append(try parseNode(isBlock: true, allowsIndentlessSequence: false))
            }
        }
        return try sequence(items, at: start)
    }

    mutating func parseBlockMapping() throws(YAMLError) -> Built {
        let start = current.mark
        advance()
        var entries: [(key: Built, value: Built)] = []
        while true {
            switch current.kind {
            case .key:
                let keyMark = current.mark
                advance()
                let key = isAt(.key, .value, .blockEnd)
                    ? try emptyScalar(at: keyMark)
                    : try parseNode(isBlock: true, allowsIndentlessSequence: true)
                var value: Built
                if current.kind == .value {
                    let valueMark = current.mark
                    advance()
                    value = isAt(.key, .value, .blockEnd)
                        ? try emptyScalar(at: valueMark)
                        : try parseNode(isBlock: true, allowsIndentlessSequence: true)
                } else {
                    value = try emptyScalar(at: current.mark)
                }
                entries.append((key, value))
            case .blockEnd:
                advance()
                return try mapping(entries, at: start)
            default:
                throw unexpected("<block end>", in: "a block mapping", startedAt: start)
            }
        }
    }

    // MARK: Flow collections

    mutating func parseFlowSequence() throws(YAMLError) -> Built {
        let start = current.mark
        advance()
        var items: [Built] = []
        var isFirst = true
        while current.kind != .flowSequenceEnd {
            if !isFirst {
                guard current.kind == .flowEntry else {
                    throw unexpected("',' or ']'", in: "a flow sequence", startedAt: start)
                }
                advance()
                if current.kind == .flowSequenceEnd { break }
            }
            isFirst = false
            if current.kind == .key {
                items.append(try parseFlowPair(endingWith: .flowSequenceEnd))
            } else {
                items.append(try parseNode(isBlock: false, allowsIndentlessSequence: false))
            }
        }
        advance()
        return try sequence(items, at: start)
    }

    /// `[key: value]`: a single-pair mapping inside a flow sequence.
    mutating func parseFlowPair(endingWith end: YAMLToken.Kind) throws(YAMLError) -> Built {
        let start = current.mark
        let entry = try parseFlowEntry(endingWith: end)
        return try mapping([entry], at: start)
    }

    /// `KEY node? (VALUE node?)?` inside a flow collection ending with `end`.
    mutating func parseFlowEntry(endingWith end: YAMLToken.Kind) throws(YAMLError) -> (key: Built, value: Built) {
        let keyMark = current.mark
        advance()
        let key = isAt(.value, .flowEntry, end)
            ? try emptyScalar(at: keyMark)
            : try parseNode(isBlock: false, allowsIndentlessSequence: false)
        guard current.kind == .value else { return (key, try emptyScalar(at: current.mark)) }
        let valueMark = current.mark
        advance()
        let value = isAt(.flowEntry, end)
            ? try emptyScalar(at: valueMark)
            : try parseNode(isBlock: false, allowsIndentlessSequence: false)
        return (key, value)
    }

    mutating func parseFlowMapping() throws(YAMLError) -> Built {
        let start = current.mark
        advance()
        var entries: [(key: Built, value: Built)] = []
        var isFirst = true
        while current.kind != .flowMappingEnd {
            if !isFirst {
                guard current.kind == .flowEntry else {
                    throw unexpected("',' or '}'", in: "a flow mapping", startedAt: start)
                }
                advance()
                if current.kind == .flowMappingEnd { break }
            }
            isFirst = false
            if current.kind == .key {
                entries.append(try parseFlowEntry(endingWith: .flowMappingEnd))
            } else {
                // `{a, b}`: keys without values.
                let key = try parseNode(isBlock: false, allowsIndentlessSequence: false)
                entries.append((key, try emptyScalar(at: current.mark)))
            }
        }
        advance()
        return try mapping(entries, at: start)
    }

    // MARK: Building

    mutating func emptyScalar(at mark: YAMLMark) throws(YAMLError) -> Built {
        try count(1)
        return Built(node: YAMLNode(.null, at: mark))
    }

    func sequence(_ items: [Built], at mark: YAMLMark) throws(YAMLError) -> Built {
        let built = Built(
            node: YAMLNode(.sequence(items.map(\.node)), at: mark),
            height: 1 + (items.map(\.height).max() ?? 0),
            size: 1 + items.reduce(0) { $0 + $1.size })
        try checkHeight(built)
        return built
    }

    func mapping(_ entries: [(key: Built, value: Built)], at mark: YAMLMark) throws(YAMLError) -> Built {
        let pairs = try YAMLMappingBuilder.pairs(from: entries.map { ($0.key.node, $0.value.node, $0.key.isMergeKey) })
        let built = Built(
            node: YAMLNode(.mapping(pairs), at: mark),
            height: 1 + (entries.map { max($0.key.height, $0.value.height) }.max() ?? 0),
            size: 1 + entries.reduce(0) { $0 + $1.key.size + $1.value.size })
        try checkHeight(built)
        return built
    }

    /// Aliases can stack trees on trees; the result must stay as shallow as the text
    /// limit allows, so that rendering and comparing it cannot overflow the stack.
    func checkHeight(_ built: Built) throws(YAMLError) {
        guard built.height <= YAMLLimits.maxNestingDepth else {
            throw YAMLError("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep", at: built.node.mark)
        }
    }
}
