// Stage 1 · YAML: the scanner, which turns characters into tokens.
//
// This follows the scanner of PyYAML (and libyaml, its C twin) step by step, because
// "read YAML the way Kubernetes' tools do" is only true if the tricky parts are the
// same: indentation is turned into explicit BLOCK-MAPPING-START … BLOCK-END tokens with
// a stack of indentation columns, and a "simple key" (`name:` without a leading `?`) is
// only recognised once its `:` is seen, at which point a KEY token is inserted back
// before the key's scalar. The whole text is scanned up front into an array, so that
// insertion is a plain array insert near the end.
//
// Scalars, anchors, tags and directives are scanned in `YAMLScanner+Scalars.swift` and
// `YAMLScanner+Properties.swift`. Every loop advances `index` or stops, and `peek`
// answers "\0" past the end, so no input can trap or hang the scanner.

/// Turns YAML text into tokens; used by `YAMLReader` before parsing.
struct YAMLScanner {
    /// A place where a simple key may start, remembered until its `:` shows up.
    struct SimpleKey {
        var tokenNumber: Int
        /// In the block context a key at the current indentation must be followed by
        /// `:`; otherwise the line is not a mapping entry at all.
        var isRequired: Bool
        var index: Int
        var line: Int
        var column: Int
        var mark: YAMLMark
    }

    // The text and the reading position (0-based line and column; marks are 1-based).
    let text: [Unicode.Scalar]
    var index = 0
    var line = 0
    var column = 0

    // The tokens found so far, in order.
    var tokens: [YAMLToken] = []
    var isDone = false

    // Context: how many flow collections are open, and the block indentation stack.
    var flowLevel = 0
    var indent = -1
    var indents: [Int] = []

    // Simple keys: whether one may start here, and the candidate at each flow level.
    var allowSimpleKey = true
    var possibleSimpleKeys: [Int: SimpleKey] = [:]

    init(_ text: String) {
        self.text = Array(text.unicodeScalars)
    }

    /// Scans all of `text` into tokens, from STREAM-START to STREAM-END.
    static func tokens(in text: String) throws(YAMLError) -> [YAMLToken] {
        var scanner = YAMLScanner(text)
        try scanner.checkCharacters()
        scanner.tokens.append(YAMLToken(kind: .streamStart, mark: scanner.mark))
        while !scanner.isDone {
            try scanner.fetchNextToken()
        }
        return scanner.tokens
    }

    // MARK: Reading characters

    /// The current position as a 1-based mark.
    var mark: YAMLMark { YAMLMark(line: line + 1, column: column + 1) }

    /// The character `offset` places ahead, or "\0" past the end (NUL itself is
    /// rejected by `checkCharacters`, so "\0" always means the end).
    func peek(_ offset: Int = 0) -> Unicode.Scalar {
        let at = index + offset
        return at >= 0 && at < text.count ? text[at] : "\0"
    }

    /// The next `length` characters as a string.
    func prefix(_ length: Int) -> String {
        let end = min(index + length, text.count)
        var result = String.UnicodeScalarView()
        if index < end { result.append(contentsOf: text[index..<end]) }
        return String(result)
    }

    /// Moves past `count` characters, keeping line and column up to date.
    mutating func forward(_ count: Int = 1) {
        for _ in 0..<count where index < text.count {
            let ch = text[index]
            index += 1
            if ch == "\n" || (ch == "\r" && peek() != "\n") || ch == "\u{85}"
                || ch == "\u{2028}" || ch == "\u{2029}" {
                line += 1
                column = 0
            } else if ch != "\u{FEFF}" {
                column += 1
            }
        }
    }

    /// Consumes one line break, answering it normalised (`\r\n`, `\r`, NEL → `\n`), or
    /// "" when there is none.
    mutating func scanLineBreak() -> String {
        let ch = peek()
        if ch == "\r" && peek(1) == "\n" {
            forward(2)
            return "\n"
        }
        if ch == "\r" || ch == "\n" || ch == "\u{85}" {
            forward()
            return "\n"
        }
        if ch == "\u{2028}" || ch == "\u{2029}" {
            forward()
            return String(ch)
        }
        return ""
    }

    static func isBreak(_ ch: Unicode.Scalar) -> Bool {
        ch == "\n" || ch == "\r" || ch == "\u{85}" || ch == "\u{2028}" || ch == "\u{2029}"
    }

    static func isBreakOrEnd(_ ch: Unicode.Scalar) -> Bool { ch == "\0" || isBreak(ch) }

    static func isBlankOrEnd(_ ch: Unicode.Scalar) -> Bool {
        ch == " " || ch == "\t" || isBreakOrEnd(ch)
    }

    /// Rejects characters YAML does not allow in a stream (control characters other than
    /// tab and line breaks), as PyYAML's reader does, before any scanning starts.
    mutating func checkCharacters() throws(YAMLError) {
        for ch in text {
            let v = ch.value
            let isPrintable = v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0x7E).contains(v)
                || v == 0x85 || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                || v >= 0x10000
            if !isPrintable {
                let code = String(v, radix: 16, uppercase: true)
                throw YAMLError("found special character U+\(code), which is not allowed", at: mark)
            }
            forward()
        }
        index = 0
        line = 0
        column = 0
    }

    func error(_ message: String, at mark: YAMLMark? = nil) -> YAMLError {
        YAMLError(message, at: mark ?? self.mark)
    }

    /// Describes a character for an error message, e.g. `'\t'` or `end of stream`.
    static func describe(_ ch: Unicode.Scalar) -> String {
        switch ch {
        case "\0": "end of stream"
        case "\t": "'\\t'"
        case "\n", "\r": "a line break"
        default: "'\(ch)'"
        }
    }

    // MARK: Choosing the next token

    mutating func fetchNextToken() throws(YAMLError) {
        try scanToNextToken()
        try removeStaleSimpleKeys()
        unwindIndent(to: column)
        let ch = peek()
        let next = peek(1)
        switch ch {
        case "\0": return try fetchStreamEnd()
        case "%" where column == 0: return try fetchDirective()
        case "-" where isDocumentIndicator("-"): return try fetchDocumentIndicator(.documentStart)
        case "." where isDocumentIndicator("."): return try fetchDocumentIndicator(.documentEnd)
        case "[": return try fetchFlowCollectionStart(.flowSequenceStart)
        case "{": return try fetchFlowCollectionStart(.flowMappingStart)
        case "]": return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case "}": return try fetchFlowCollectionEnd(.flowMappingEnd)
        case ",": return try fetchFlowEntry()
        case "-" where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case "?" where flowLevel > 0 || Self.isBlankOrEnd(next): return try fetchKey()
        case ":" where flowLevel > 0 || Self.isBlankOrEnd(next): return try fetchValue()
        case "*": return try fetchAnchorOrAlias(isAlias: true)
        case "&": return try fetchAnchorOrAlias(isAlias: false)
        case "!": return try fetchTag()
        case "|" where flowLevel == 0: return try fetchBlockScalar(isFolded: false)
        case ">" where flowLevel == 0: return try fetchBlockScalar(isFolded: true)
        case "'": return try fetchQuotedScalar(isDouble: false)
        case "\"": return try fetchQuotedScalar(isDouble: true)
        default:
            if isPlainStart() { return try fetchPlainScalar() }
            throw error("found character \(Self.describe(ch)) that cannot start any token")
        }
    }

    /// `---` or `...` alone at the start of a line.
    func isDocumentIndicator(_ ch: Unicode.Scalar) -> Bool {
        column == 0 && peek() == ch && peek(1) == ch && peek(2) == ch && Self.isBlankOrEnd(peek(3))
    }

    /// A plain scalar may not start with an indicator, except `-`, `?`, `:` followed by a
    /// non-space (in the flow context only `-`, to keep flow text space-independent).
    func isPlainStart() -> Bool {
        let ch = peek()
        if !Self.isBlankOrEnd(ch) && !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(ch) {
            return true
        }
        return !Self.isBlankOrEnd(peek(1)) && (ch == "-" || (flowLevel == 0 && (ch == "?" || ch == ":")))
    }

    /// Skips spaces, comments and line breaks up to the next token. Only spaces separate
    /// tokens, as in PyYAML: a tab outside a quoted scalar, a block scalar's text or a
    /// comment is refused (`a:\tb` and `[1,\t2]` too), with its own message when it
    /// stands in a line's indentation, where it would make the nesting ambiguous.
    mutating func scanToNextToken() throws(YAMLError) {
        if index == 0 && peek() == "\u{FEFF}" { forward() }
        var isIndentation = column == 0
        while true {
            while peek() == " " { forward() }
            if peek() == "\t" {
                throw error(isIndentation && flowLevel == 0
                    ? "found a tab character where indentation was expected"
                    : "found character \(Self.describe("\t")) that cannot start any token")
            }
            if peek() == "#" {
                while !Self.isBreakOrEnd(peek()) { forward() }
            }
            if scanLineBreak().isEmpty { return }
            isIndentation = true
            if flowLevel == 0 { allowSimpleKey = true }
        }
    }
}
