// Stage 1 · YAML: scanning node properties (anchors, aliases, tags) and directives.
//
// Manifests rarely use these, but Helm output and hand-written files do: `&defaults`
// names a node, `*defaults` repeats it, `!!str 0123` forces a type, and a file may begin
// with `%YAML 1.1`. The scanner only collects their text; the parser gives them meaning.

extension YAMLScanner {
    /// `&name` or `*name`: letters, digits, `-` and `_`, as PyYAML accepts.
    mutating func fetchAnchorOrAlias(isAlias: Bool) throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward()
        var length = 0
        while Self.isNameCharacter(peek(length)) { length += 1 }
        let what = isAlias ? "an alias" : "an anchor"
        guard length > 0 else {
            throw error("expected the name of \(what), but found \(Self.describe(peek()))")
        }
        let name = prefix(length)
        forward(length)
        guard Self.isBlankOrEnd(peek()) || "?:,]}%@`".unicodeScalars.contains(peek()) else {
            throw error("unexpected character \(Self.describe(peek())) in the name of \(what)")
        }
        tokens.append(YAMLToken(kind: isAlias ? .alias : .anchor, mark: start, text: name))
    }

    static func isNameCharacter(_ ch: Unicode.Scalar) -> Bool {
        switch ch {
        case "0"..."9", "A"..."Z", "a"..."z", "-", "_": true
        default: false
        }
    }

    /// `!`, `!suffix`, `!!suffix`, `!handle!suffix` or `!<verbatim>`.
    mutating func fetchTag() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        var handle = "!"
        var suffix = ""
        if peek(1) == "<" {
            forward(2)
            var length = 0
            while peek(length) != ">" && !Self.isBlankOrEnd(peek(length)) { length += 1 }
            guard peek(length) == ">" else {
                throw error("expected '>' to end the tag, but found \(Self.describe(peek(length)))")
            }
            handle = ""
            suffix = prefix(length)
            forward(length + 1)
        } else {
            forward()
            var text = ""
            while !Self.isBlankOrEnd(peek()) && !(flowLevel > 0 && ",[]{}".unicodeScalars.contains(peek())) {
                text.unicodeScalars.append(peek())
                forward()
            }
            // `!!str` and `!name!str` name a handle; a lone `!` is the non-specific tag.
            if let bang = text.firstIndex(of: "!") {
                handle = "!" + text[..<text.index(after: bang)]
                suffix = String(text[text.index(after: bang)...])
            } else {
                suffix = text
            }
        }
        guard Self.isBlankOrEnd(peek()) || flowLevel > 0 else {
            throw error("expected ' ' after a tag, but found \(Self.describe(peek()))")
        }
        tokens.append(YAMLToken(kind: .tag, mark: start, text: suffix, tagHandle: handle))
    }

    /// `%NAME parameters… # comment` on a line of its own.
    mutating func fetchDirective() throws(YAMLError) {
        unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward()
        var parameters: [String] = []
        var word = ""
        while !Self.isBreakOrEnd(peek()) {
            let ch = peek()
            if ch == "#" && word.isEmpty { break }
            if ch == " " || ch == "\t" {
                if !word.isEmpty { parameters.append(word) }
                word = ""
            } else {
                word.unicodeScalars.append(ch)
            }
            forward()
        }
        if !word.isEmpty { parameters.append(word) }
        while !Self.isBreakOrEnd(peek()) { forward() }
        guard let name = parameters.first, name.unicodeScalars.allSatisfy(Self.isNameCharacter) else {
            throw error("expected a directive name after '%'", at: start)
        }
        tokens.append(YAMLToken(kind: .directive, mark: start, text: name, parameters: Array(parameters.dropFirst())))
    }
}
