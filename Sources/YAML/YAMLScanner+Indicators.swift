// Stage 1 · YAML: the scanner's indicators, indentation and simple keys.
//
// Block structure is indentation, and the parser wants brackets, so the scanner keeps a
// stack of indentation columns: a mapping or sequence that starts further right pushes
// its column and emits BLOCK-MAPPING-START or BLOCK-SEQUENCE-START; a line that starts
// further left pops columns, emitting one BLOCK-END each. A `key:` is only known to be
// a key when its `:` arrives, so every token that could start a key is remembered as a
// "possible simple key", and `fetchValue` inserts KEY (and, if needed, the mapping
// start) back in front of it. A possible key goes stale at the end of its line or after
// `YAMLLimits.maxSimpleKeyLength` characters; a required one then is an error.

extension YAMLScanner {
    // MARK: Simple keys

    /// Forgets candidates that can no longer be keys; a required one that never found
    /// its `:` is the classic "could not find expected ':'".
    mutating func removeStaleSimpleKeys() throws(YAMLError) {
        for (level, key) in possibleSimpleKeys
        where key.line != line || index - key.index > YAMLLimits.maxSimpleKeyLength {
            if key.isRequired {
                throw error("could not find expected ':' (while scanning a simple key)", at: mark)
            }
            possibleSimpleKeys[level] = nil
        }
    }

    /// Remembers that the token about to be added may be a simple key.
    mutating func savePossibleSimpleKey() throws(YAMLError) {
        let isRequired = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        try removePossibleSimpleKey()
        possibleSimpleKeys[flowLevel] = SimpleKey(
            tokenNumber: tokens.count, isRequired: isRequired,
            index: index, line: line, column: column, mark: mark)
    }

    mutating func removePossibleSimpleKey() throws(YAMLError) {
        if let key = possibleSimpleKeys[flowLevel], key.isRequired {
            throw error("could not find expected ':' (while scanning a simple key)", at: mark)
        }
        possibleSimpleKeys[flowLevel] = nil
    }

    // MARK: Indentation

    /// Closes every block collection indented deeper than `column`.
    mutating func unwindIndent(to column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            indent = indents.popLast() ?? -1
            tokens.append(YAMLToken(kind: .blockEnd, mark: mark))
        }
    }

    /// Opens a block level at `column` if it is deeper than the current one.
    mutating func addIndent(_ column: Int) throws(YAMLError) -> Bool {
        guard indent < column else { return false }
        guard indents.count < YAMLLimits.maxNestingDepth else {
            throw error("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep")
        }
        indents.append(indent)
        indent = column
        return true
    }

    // MARK: Stream, documents and flow collections

    mutating func fetchStreamEnd() throws(YAMLError) {
        unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        possibleSimpleKeys = [:]
        tokens.append(YAMLToken(kind: .streamEnd, mark: mark))
        isDone = true
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward(3)
        tokens.append(YAMLToken(kind: kind, mark: start))
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try savePossibleSimpleKey()
        guard flowLevel < YAMLLimits.maxNestingDepth else {
            throw error("collections are nested more than \(YAMLLimits.maxNestingDepth) levels deep")
        }
        flowLevel += 1
        allowSimpleKey = true
        appendIndicator(kind)
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLError) {
        try removePossibleSimpleKey()
        // A stray `]` outside any flow collection is left for the parser to reject.
        flowLevel = max(0, flowLevel - 1)
        allowSimpleKey = false
        appendIndicator(kind)
    }

    mutating func fetchFlowEntry() throws(YAMLError) {
        allowSimpleKey = true
        try removePossibleSimpleKey()
        appendIndicator(.flowEntry)
    }

    // MARK: Block entries, keys and values

    mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else { throw error("sequence entries are not allowed here") }
            if try addIndent(column) {
                tokens.append(YAMLToken(kind: .blockSequenceStart, mark: mark))
            }
        }
        allowSimpleKey = true
        try removePossibleSimpleKey()
        appendIndicator(.blockEntry)
    }

    /// An explicit `? key`.
    mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else { throw error("mapping keys are not allowed here") }
            if try addIndent(column) {
                tokens.append(YAMLToken(kind: .blockMappingStart, mark: mark))
            }
        }
        allowSimpleKey = flowLevel == 0
        try removePossibleSimpleKey()
        appendIndicator(.key)
    }

    /// The `:` of a mapping entry: turns the remembered simple key into KEY, or stands
    /// alone after an explicit `? key`.
    mutating func fetchValue() throws(YAMLError) {
        if let key = possibleSimpleKeys[flowLevel] {
            possibleSimpleKeys[flowLevel] = nil
            let at = min(key.tokenNumber, tokens.count)
            tokens.insert(YAMLToken(kind: .key, mark: key.mark), at: at)
            if flowLevel == 0, try addIndent(key.column) {
                tokens.insert(YAMLToken(kind: .blockMappingStart, mark: key.mark), at: at)
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                guard allowSimpleKey else { throw error("mapping values are not allowed here") }
                if try addIndent(column) {
                    tokens.append(YAMLToken(kind: .blockMappingStart, mark: mark))
                }
            }
            allowSimpleKey = flowLevel == 0
            try removePossibleSimpleKey()
        }
        appendIndicator(.value)
    }

    /// Appends a one-character indicator token and moves past it.
    mutating func appendIndicator(_ kind: YAMLToken.Kind) {
        let start = mark
        forward()
        tokens.append(YAMLToken(kind: kind, mark: start))
    }
}
