// Stage 1 · YAML: parsing sequences and mappings, block and flow, without recursion.
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
//
// The grammar is PyYAML's, but a collection being built is a `Frame` on an explicit
// stack rather than a Swift call: `parseNode` starts a node (a leaf completes at once, a
// collection pushes a frame), then asks the innermost frame for its next step, which
// either wants another node or is finished and hands its node to the frame below. So
// nesting depth costs heap, not stack, and `YAMLLimits.maxNestingDepth` is a policy,
// not a guard against a crash.

extension YAMLParser {
    /// A collection under construction, and what it waits for.
    struct Frame {
        enum Shape { case blockSequence, indentlessSequence, blockMapping, flowSequence, flowPair, flowMapping }
        /// Where the next node parsed goes.
        enum Slot { case item, key, value, keyWithoutValue }

        var shape: Shape
        var start: YAMLMark
        /// The collection's own anchor and tag, applied when it is finished.
        var properties: Properties
        var items: [Built] = []
        var entries: [(key: Built, value: Built)] = []
        /// A mapping key whose value is still to come.
        var pendingKey: Built?
        var slot = Slot.item
        var isFirst = true
        /// A flow pair has started reading its key.
        var hasKey = false
    }

    /// What the innermost frame wants next.
    enum Step {
        case node(isBlock: Bool, allowsIndentlessSequence: Bool)
        case flowPair
        case finished
    }

    /// One complete node, however deeply nested, starting at the current token.
    mutating func parseNode(isBlock: Bool, allowsIndentlessSequence: Bool) throws(YAMLError) -> Built {
        var stack: [Frame] = []
        var request = Step.node(isBlock: isBlock, allowsIndentlessSequence: allowsIndentlessSequence)
        while true {
            // Start the requested node: a leaf completes now, a collection pushes a frame.
            var completed: Built?
            if case .node(let inBlock, let allowsIndentless) = request {
                if kind == .alias {
                    completed = try resolveAlias()
                } else {
                    let properties = try parseProperties()
                    if let shape = collectionShape(isBlock: inBlock, allowsIndentlessSequence: allowsIndentless) {
                        guard stack.count < YAMLLimits.maxNestingDepth else { throw nestedTooDeeply() }
                        stack.append(Frame(shape: shape, start: mark, properties: properties))
                        if shape != .indentlessSequence { advance() }
                    } else {
                        let leaf = try parseLeaf(properties)
                        try finish(leaf, properties)
                        completed = leaf
                    }
                }
            } else if case .flowPair = request {
                guard stack.count < YAMLLimits.maxNestingDepth else { throw nestedTooDeeply() }
                stack.append(Frame(shape: .flowPair, start: mark, properties: Properties(start: mark)))
            }
            // Hand finished nodes down the stack until some frame wants a new node.
            while true {
                if let node = completed {
                    guard !stack.isEmpty else { return node }
                    try deliver(node, to: &stack[stack.count - 1])
                    completed = nil
                }
                guard !stack.isEmpty else { throw unexpected("the node content") }
                let step = try nextStep(&stack[stack.count - 1])
                if case .finished = step {
                    let frame = stack.removeLast()
                    let built = try build(frame)
                    try finish(built, frame.properties)
                    completed = built
                } else {
                    request = step
                    break
                }
            }
        }
    }

    /// The collection that starts at the current token, if any.
    func collectionShape(isBlock: Bool, allowsIndentlessSequence: Bool) -> Frame.Shape? {
        switch kind {
        case .blockEntry where allowsIndentlessSequence: .indentlessSequence
        case .flowSequenceStart: .flowSequence
        case .flowMappingStart: .flowMapping
        case .blockSequenceStart where isBlock: .blockSequence
        case .blockMappingStart where isBlock: .blockMapping
        default: nil
        }
    }

    /// Puts a finished child node where its frame was waiting for it.
    mutating func deliver(_ node: Built, to frame: inout Frame) throws(YAMLError) {
        switch frame.slot {
        case .item:
            frame.items.append(node)
        case .key:
            frame.pendingKey = node
        case .value:
            if let key = frame.pendingKey { frame.entries.append((key, node)) }
            frame.pendingKey = nil
        case .keyWithoutValue:
            frame.entries.append((node, try emptyScalar(at: mark)))
        }
    }

    /// Reads the innermost frame's next indicators and says what it needs.
    mutating func nextStep(_ frame: inout Frame) throws(YAMLError) -> Step {
        switch frame.shape {
        case .blockSequence, .indentlessSequence:
            return try nextSequenceStep(&frame)
        case .blockMapping:
            return try nextBlockMappingStep(&frame)
        case .flowSequence:
            if let step = try nextFlowEntryStep(&frame, end: .flowSequenceEnd) { return step }
            if kind == .key { return .flowPair }
            frame.slot = .item
            return .node(isBlock: false, allowsIndentlessSequence: false)
        case .flowMapping:
            while true {
                if frame.pendingKey != nil {
                    if let step = try nextFlowValueStep(&frame, end: .flowMappingEnd) { return step }
                    continue
                }
                if let step = try nextFlowEntryStep(&frame, end: .flowMappingEnd) { return step }
                if kind == .key {
                    if let step = try nextFlowKeyStep(&frame, end: .flowMappingEnd) { return step }
                    continue
                }
                // `{a, b}`: keys without values.
                frame.slot = .keyWithoutValue
                return .node(isBlock: false, allowsIndentlessSequence: false)
            }
        case .flowPair:
            if !frame.hasKey {
                frame.hasKey = true
                if let step = try nextFlowKeyStep(&frame, end: .flowSequenceEnd) { return step }
            }
            if frame.pendingKey != nil, let step = try nextFlowValueStep(&frame, end: .flowSequenceEnd) { return step }
            return .finished
        }
    }

    mutating func nextSequenceStep(_ frame: inout Frame) throws(YAMLError) -> Step {
        let isIndentless = frame.shape == .indentlessSequence
        while kind == .blockEntry {
            let entry = mark
            advance()
            let isEmpty = isIndentless ? isAt(.blockEntry, .key, .value, .blockEnd) : isAt(.blockEntry, .blockEnd)
            guard isEmpty else {
                frame.slot = .item
                return .node(isBlock: true, allowsIndentlessSequence: false)
            }
            frame.items.append(try emptyScalar(at: entry))
        }
        if isIndentless { return .finished }
        guard kind == .blockEnd else { throw unexpected("<block end>", in: "a block collection", startedAt: frame.start) }
        advance()
        return .finished
    }

    mutating func nextBlockMappingStep(_ frame: inout Frame) throws(YAMLError) -> Step {
        while true {
            if let key = frame.pendingKey {
                if kind == .value {
                    let valueMark = mark
                    advance()
                    if !isAt(.key, .value, .blockEnd) {
                        frame.slot = .value
                        return .node(isBlock: true, allowsIndentlessSequence: true)
                    }
                    frame.entries.append((key, try emptyScalar(at: valueMark)))
                } else {
                    frame.entries.append((key, try emptyScalar(at: mark)))
                }
                frame.pendingKey = nil
            }
            switch kind {
            case .key:
                let keyMark = mark
                advance()
                if !isAt(.key, .value, .blockEnd) {
                    frame.slot = .key
                    return .node(isBlock: true, allowsIndentlessSequence: true)
                }
                frame.pendingKey = try emptyScalar(at: keyMark)
            case .blockEnd:
                advance()
                return .finished
            default:
                throw unexpected("<block end>", in: "a block mapping", startedAt: frame.start)
            }
        }
    }

    /// Between the entries of a flow collection: the end, or a `,` before the next entry.
    /// Answers `.finished` at the end, nil when an entry follows.
    mutating func nextFlowEntryStep(_ frame: inout Frame, end: YAMLToken.Kind) throws(YAMLError) -> Step? {
        if kind == end {
            advance()
            return .finished
        }
        if !frame.isFirst {
            guard kind == .flowEntry else {
                let (expected, context) = end == .flowSequenceEnd
                    ? ("',' or ']'", "a flow sequence") : ("',' or '}'", "a flow mapping")
                throw unexpected(expected, in: context, startedAt: frame.start)
            }
            advance()
            if kind == end {
                advance()
                return .finished
            }
        }
        frame.isFirst = false
        return nil
    }

    /// `KEY node?` in a flow collection: asks for the key, or records an empty one and
    /// answers nil.
    mutating func nextFlowKeyStep(_ frame: inout Frame, end: YAMLToken.Kind) throws(YAMLError) -> Step? {
        let keyMark = mark
        advance()
        if !isAt(.value, .flowEntry, end) {
            frame.slot = .key
            return .node(isBlock: false, allowsIndentlessSequence: false)
        }
        frame.pendingKey = try emptyScalar(at: keyMark)
        return nil
    }

    /// `(VALUE node?)?` after a flow key: asks for the value, or records an empty one and
    /// answers nil.
    mutating func nextFlowValueStep(_ frame: inout Frame, end: YAMLToken.Kind) throws(YAMLError) -> Step? {
        guard let key = frame.pendingKey else { return nil }
        if kind == .value {
            let valueMark = mark
            advance()
            if !isAt(.flowEntry, end) {
                frame.slot = .value
                return .node(isBlock: false, allowsIndentlessSequence: false)
            }
            frame.entries.append((key, try emptyScalar(at: valueMark)))
        } else {
            frame.entries.append((key, try emptyScalar(at: mark)))
        }
        frame.pendingKey = nil
        return nil
    }

    // MARK: Building

    /// The node a finished frame stands for.
    func build(_ frame: Frame) throws(YAMLError) -> Built {
        switch frame.shape {
        case .blockSequence, .indentlessSequence, .flowSequence:
            return try sequence(frame.items, at: frame.start)
        case .blockMapping, .flowMapping, .flowPair:
            return try mapping(frame.entries, at: frame.start)
        }
    }

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
