// Stage 1 · YAML: STUB, replaced by the real reader.

/// An error in a YAML text, with the place it was found.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var mark: YAMLMark
    public init(_ message: String, at mark: YAMLMark) { self.message = message; self.mark = mark }
    public var description: String { "line \(mark.line), column \(mark.column): \(message)" }
}

/// Reads YAML text into its documents.
public enum YAMLReader {
    /// Reads every document of `text` (separated by `---`), dropping empty documents.
    public static func documents(in text: String) throws(YAMLError) -> [YAMLNode] {
        throw YAMLError("not implemented", at: YAMLMark(line: 1, column: 1))
    }
}
