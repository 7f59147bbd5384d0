// Stage 1 · YAML: the reader's entry point and its error.
//
// Kubernetes manifests are written in YAML, and everything downstream (the object
// model, the kubelet's manifest folder, `stage1 yaml FILE`) wants JSON-shaped values.
// `YAMLReader.documents(in:)` is the one call they make: it scans the text into tokens
// (`YAMLScanner`), parses the tokens into nodes (`YAMLParser`), and answers one node per
// non-empty document. The rules are YAML 1.1 as PyYAML's `safe_load_all` applies them,
// which is what Kubernetes' own tools agree with on real manifests.
//
// Any text that is not valid YAML throws a `YAMLError` naming the line and column; no
// input can crash or hang the reader (see `YAMLLimits` for the bounds it enforces).

/// An error in a YAML text, with the place it was found; thrown by `YAMLReader` and
/// shown to whoever wrote the manifest.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in plain words ("could not find expected ':'").
    public var message: String
    /// Where it is wrong, 1-based.
    public var mark: YAMLMark

    public init(_ message: String, at mark: YAMLMark) {
        self.message = message
        self.mark = mark
    }

    /// "line 3, column 7: could not find expected ':'".
    public var description: String { "line \(mark.line), column \(mark.column): \(message)" }
}

/// Reads YAML text into its documents; called by the object model when decoding a
/// manifest and by `stage1 yaml FILE`.
public enum YAMLReader {
    /// Reads every document of `text` (separated by `---`), dropping empty documents
    /// (those that read as null), as a file of manifests is read by `kubectl apply -f`.
    public static func documents(in text: String) throws(YAMLError) -> [YAMLNode] {
        let tokens = try YAMLScanner.tokens(in: text)
        var parser = YAMLParser(tokens: tokens)
        return try parser.parseStream()
    }
}
