// Stage 1 · YAML: scanning scalars — plain, quoted, and literal/folded blocks.
//
// A scalar's text is settled here, before any type is guessed: escapes are decoded,
// line breaks inside plain and quoted scalars fold into spaces (an empty line keeps a
// newline), and block scalars keep (`|`) or fold (`>`) their lines, then apply their
// chomping indicator (`-` strip, `+` keep, default clip to one newline). The rules
// are PyYAML's, so `description: >-` text reads exactly as Kubernetes tools read it.

extension YAMLScanner {
    // MARK: Plain scalars

    mutating func fetchPlainScalar() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        var text = ""
        var spaces = ""
        let minimumIndent = indent + 1
        while peek() != "#" {
            var length = 0
            while true {
                let ch = peek(length)
                if Self.isBlankOrEnd(ch) { break }
                if ch == ":" {
                    let after = peek(length + 1)
                    if Self.isBlankOrEnd(after)
                        || (flowLevel > 0 && ",[]{}".unicodeScalars.contains(after)) { break }
                }
                if flowLevel > 0 && ",?[]{}".unicodeScalars.contains(ch) { break }
                length += 1
            }
            if length == 0 { break }
            allowSimpleKey = false
            text += spaces
            text += prefix(length)
            forward(length)
            guard let between = try scanPlainSpaces() else { break }
            spaces = between
            if spaces.isEmpty || peek() == "#" || (flowLevel == 0 && column < minimumIndent) { break }
        }
        tokens.append(YAMLToken(kind: .scalar, mark: start, text: text, isPlain: true))
    }

    /// Reads the blanks and line breaks after a chunk of a plain scalar and answers what
    /// they fold to, or nil when a document marker ends the scalar.
    /// Only spaces count, as in PyYAML: a tab ends the scalar, and is then refused as the
    /// start of a token (`scanToNextToken`).
    mutating func scanPlainSpaces() throws(YAMLError) -> String? {
        var length = 0
        while peek(length) == " " { length += 1 }
        let whitespace = prefix(length)
        forward(length)
        guard Self.isBreak(peek()) else { return whitespace }
        let lineBreak = scanLineBreak()
        allowSimpleKey = true
        if isDocumentIndicator("-") || isDocumentIndicator(".") { return nil }
        var breaks = ""
        while peek() == " " || Self.isBreak(peek()) {
            if peek() == " " {
                forward()
            } else {
                breaks += scanLineBreak()
                if isDocumentIndicator("-") || isDocumentIndicator(".") { return nil }
            }
        }
        if lineBreak != "\n" { return lineBreak + breaks }
        return breaks.isEmpty ? " " : breaks
    }

    // MARK: Quoted scalars

    mutating func fetchQuotedScalar(isDouble: Bool) throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        let quote = peek()
        forward()
        var text = ""
        try scanQuotedNonSpaces(isDouble: isDouble, start: start, into: &text)
        while peek() != quote {
            try scanQuotedSpaces(start: start, into: &text)
            try scanQuotedNonSpaces(isDouble: isDouble, start: start, into: &text)
        }
        forward()
        tokens.append(YAMLToken(kind: .scalar, mark: start, text: text))
    }

    mutating func scanQuotedNonSpaces(isDouble: Bool, start: YAMLMark, into text: inout String) throws(YAMLError) {
        while true {
            var length = 0
            while !"'\"\\".unicodeScalars.contains(peek(length)) && !Self.isBlankOrEnd(peek(length)) {
                length += 1
            }
            text += prefix(length)
            forward(length)
            let ch = peek()
            if !isDouble && ch == "'" && peek(1) == "'" {
                text += "'"
                forward(2)
            } else if (isDouble && ch == "'") || (!isDouble && (ch == "\"" || ch == "\\")) {
                text.unicodeScalars.append(ch)
                forward()
            } else if isDouble && ch == "\\" {
                forward()
                try scanEscape(into: &text)
            } else {
                return
            }
        }
    }

    /// Decodes one escape after `\` in a double-quoted scalar.
    mutating func scanEscape(into text: inout String) throws(YAMLError) {
        let ch = peek()
        if let replacement = Self.escapeReplacements[ch] {
            text.unicodeScalars.append(replacement)
            forward()
        } else if let length = Self.escapeCodeLengths[ch] {
            forward()
            var code: UInt32 = 0
            for k in 0..<length {
                guard let digit = Self.hexValue(peek(k)) else {
                    throw error("expected escape sequence of \(length) hexadecimal numbers, but found \(Self.describe(peek(k)))")
                }
                code = code &* 16 &+ digit
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw error("escape sequence \\\(ch)\(prefix(length)) is not a valid Unicode character")
            }
            text.unicodeScalars.append(scalar)
            forward(length)
        } else if Self.isBreak(ch) {
            // An escaped line break joins the lines without a space.
            _ = scanLineBreak()
            text += try scanQuotedBreaks()
        } else {
            throw error("found unknown escape character \(Self.describe(ch))")
        }
    }

    static let escapeReplacements: [Unicode.Scalar: Unicode.Scalar] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n",
        "v": "\u{0B}", "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"",
        "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    static func hexValue(_ ch: Unicode.Scalar) -> UInt32? {
        switch ch.value {
        case 0x30...0x39: ch.value - 0x30
        case 0x41...0x46: ch.value - 0x41 + 10
        case 0x61...0x66: ch.value - 0x61 + 10
        default: nil
        }
    }

    static let escapeCodeLengths: [Unicode.Scalar: Int] = ["x": 2, "u": 4, "U": 8]

    /// Folds blanks and line breaks inside a quoted scalar: one break is a space, each
    /// further (empty) line a newline; blanks at the end of a line are dropped.
    mutating func scanQuotedSpaces(start: YAMLMark, into text: inout String) throws(YAMLError) {
        var length = 0
        while peek(length) == " " || peek(length) == "\t" { length += 1 }
        let whitespace = prefix(length)
        forward(length)
        let ch = peek()
        if ch == "\0" {
            throw error("found unexpected end of stream while scanning a quoted scalar that started at \(start)")
        } else if Self.isBreak(ch) {
            let lineBreak = scanLineBreak()
            let breaks = try scanQuotedBreaks()
            if lineBreak != "\n" {
                text += lineBreak
            } else if breaks.isEmpty {
                text += " "
            }
            text += breaks
        } else {
            text += whitespace
        }
    }

    mutating func scanQuotedBreaks() throws(YAMLError) -> String {
        var breaks = ""
        while true {
            if isDocumentIndicator("-") || isDocumentIndicator(".") {
                throw error("found unexpected document separator inside a quoted scalar")
            }
            while peek() == " " || peek() == "\t" { forward() }
            guard Self.isBreak(peek()) else { return breaks }
            breaks += scanLineBreak()
        }
    }

    // MARK: Block scalars

    mutating func fetchBlockScalar(isFolded: Bool) throws(YAMLError) {
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = mark
        forward()
        let (chomping, increment) = try scanBlockScalarIndicators()
        try scanBlockScalarIgnoredLine()
        let minimumIndent = max(indent + 1, 1)
        var breaks: String
        let blockIndent: Int
        if let increment {
            blockIndent = minimumIndent + increment - 1
            breaks = scanBlockScalarBreaks(indent: blockIndent)
        } else {
            let (leading, maxIndent) = scanBlockScalarIndentation()
            breaks = leading
            blockIndent = max(minimumIndent, maxIndent)
        }
        var text = ""
        var lineBreak = ""
        while column == blockIndent && peek() != "\0" {
            text += breaks
            let startsWithBlank = peek() == " " || peek() == "\t"
            var length = 0
            while !Self.isBreakOrEnd(peek(length)) { length += 1 }
            text += prefix(length)
            forward(length)
            lineBreak = scanLineBreak()
            breaks = scanBlockScalarBreaks(indent: blockIndent)
            guard column == blockIndent && peek() != "\0" else { break }
            // Folding: a break between two "normal" lines becomes a space; lines that
            // start with a blank (more indented) keep their breaks.
            if isFolded && lineBreak == "\n" && !startsWithBlank && peek() != " " && peek() != "\t" {
                if breaks.isEmpty { text += " " }
            } else {
                text += lineBreak
            }
        }
        if chomping != false { text += lineBreak }
        if chomping == true { text += breaks }
        tokens.append(YAMLToken(kind: .scalar, mark: start, text: text))
    }

    /// Reads `-`/`+` (chomping: false strips, true keeps, nil clips) and a digit 1-9.
    mutating func scanBlockScalarIndicators() throws(YAMLError) -> (chomping: Bool?, increment: Int?) {
        var chomping: Bool?
        var increment: Int?
        for _ in 0..<2 {
            let ch = peek()
            if chomping == nil && (ch == "+" || ch == "-") {
                chomping = ch == "+"
                forward()
            } else if increment == nil, let digit = Int(String(ch)), ch.isASCII {
                guard digit != 0 else {
                    throw error("expected indentation indicator in the range 1-9, but found 0")
                }
                increment = digit
                forward()
            }
        }
        if peek() != " " && !Self.isBreakOrEnd(peek()) {
            throw error("expected chomping or indentation indicators, but found \(Self.describe(peek()))")
        }
        return (chomping, increment)
    }

    mutating func scanBlockScalarIgnoredLine() throws(YAMLError) {
        while peek() == " " { forward() }
        if peek() == "#" {
            while !Self.isBreakOrEnd(peek()) { forward() }
        }
        guard Self.isBreakOrEnd(peek()) else {
            throw error("expected a comment or a line break, but found \(Self.describe(peek()))")
        }
        _ = scanLineBreak()
    }

    /// Skips leading empty lines to find the indentation of the first content line.
    mutating func scanBlockScalarIndentation() -> (breaks: String, maxIndent: Int) {
        var breaks = ""
        var maxIndent = 0
        while peek() == " " || Self.isBreak(peek()) {
            if peek() == " " {
                forward()
                maxIndent = max(maxIndent, column)
            } else {
                breaks += scanLineBreak()
            }
        }
        return (breaks, maxIndent)
    }

    mutating func scanBlockScalarBreaks(indent: Int) -> String {
        var breaks = ""
        while column < indent && peek() == " " { forward() }
        while Self.isBreak(peek()) {
            breaks += scanLineBreak()
            while column < indent && peek() == " " { forward() }
        }
        return breaks
    }
}
