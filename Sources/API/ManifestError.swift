// Stage 1 · API: what went wrong in a manifest, and where.
//
// One error type for everything that can be wrong with an object's text: bad YAML, a
// value of the wrong type, an unsupported enum value, a malformed quantity. It reads
// like a compiler diagnostic followed by Kubernetes' field path:
//
//   web.yaml:12:24: spec.containers[0].ports[0].containerPort: expected an integer, found "http"
//
// The kubelet logs it when a manifest in its folder is broken (and keeps going); the
// API server (stage 2) turns it into a 400 `Status`.

/// A manifest error with its file, line, column and field path; thrown by `Manifest`
/// and `APIJSON`, reported by the kubelet and the API server.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the text came from, when it came from one.
    public var file: String?
    /// The 1-based line of the offending value; nil when unknown (plain JSON decoding).
    public var line: Int?
    /// The 1-based column of the offending value; nil when unknown.
    public var column: Int?
    /// Kubernetes' field path to the value, such as `spec.containers[0].image`;
    /// empty for the document itself or for a YAML syntax error.
    public var path: String
    /// What is wrong, such as `expected an integer, found "http"`.
    public var message: String

    /// Makes an error; used by `Manifest` and by tests.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `file:line:column: path: message`, leaving out the parts that are unknown.
    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append(String(line)) }
        if let column { place.append(String(column)) }
        var parts: [String] = []
        if !place.isEmpty { parts.append(place.joined(separator: ":")) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    /// Renders a coding path as Kubernetes renders field paths: `spec.containers[0].name`.
    package static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    /// The coding path and message inside a `DecodingError`, from any decoder.
    package static func parts(of error: DecodingError) -> (codingPath: [any CodingKey], message: String) {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (context.codingPath, context.debugDescription)
        case .keyNotFound(let key, let context):
            // Foundation's decoders leave the missing key out of the path; ours put it in.
            let path = context.codingPath.last?.stringValue == key.stringValue
                ? context.codingPath : context.codingPath + [key]
            return (path, context.debugDescription)
        @unknown default:
            return ([], String(describing: error))
        }
    }
}
