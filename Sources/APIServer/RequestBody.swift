// Stage 2 · APIServer: a request's body, read once for every step that looks at it.
//
// A create or an update looks at its body three times: for values outside a closed set
// (`UnsupportedValues`), as the typed object it stores, and for fields the type does not
// have (`FieldValidation`, which also names the members written twice). Each used to
// read the text again; for a 1 MB body that was three parses of seconds each. Here the
// text is read once into a tree with every value's line and column, and each step takes
// what it needs from that tree: the typed object (`decode`), the body as JSON (`value`),
// and the repeated members (`duplicateFields`).
//
// A JSON body (what kubectl and every client library send) is read by `JSONReader`, a
// JSON parser, as Kubernetes reads it; a YAML body, or text that does not open with `{`
// or `[`, by the YAML reader. Protobuf bodies (the few kinds kubectl always sends that
// way) have no tree: they only decode. Every failure is a 4xx `Status`.

import API
import APIMachinery
import ClusterKinds
import HTTP
import Manifests
import YAML

/// One request's body, parsed; made by the endpoints that read a body.
struct RequestBody {
    /// The media types a body may have besides protobuf; anything else is 415.
    static let acceptedMediaTypes = ["application/json", "application/yaml"]

    let request: HTTPRequest
    /// The body's document with the place of every value; nil for a protobuf body.
    let tree: YAMLNode?
    /// Members the body wrote twice in one object (`spec.containers[0].image`): only a
    /// JSON text can show them, since YAML's reading merges repeated keys.
    let duplicateFields: [String]

    /// Reads `request`'s body: 415 for a media type that is not served, 400 for an empty
    /// body or one that is not JSON or YAML, with the line and column of the mistake.
    init(_ request: HTTPRequest) throws(Status) {
        self.request = request
        let type = RESTStorage<NamespaceStrategy>.mediaType(request)
        if type == ProtobufEnvelope.mediaType {
            tree = nil
            duplicateFields = []
            return
        }
        guard type == "application/json" || type == "application/yaml" || type == "*/*" else {
            throw Status.unsupportedMediaType(accepted: Self.acceptedMediaTypes)
        }
        guard !request.body.isEmpty else { throw Status.badRequest("the request has no body") }
        do {
            if type != "application/yaml", JSONReader.looksLikeJSON(request.body) {
                let document = try JSONReader.document(in: request.body)
                (tree, duplicateFields) = (document.root, document.duplicateKeys)
            } else {
                (tree, duplicateFields) = (try YAMLReader.documents(in: String(decoding: request.body, as: UTF8.self)).first, [])
            }
        } catch {
            let place = ManifestError(line: error.mark.line, column: error.mark.column, message: error.message)
            throw Status.badRequest("the request body is not a valid object: \(place)")
        }
        guard tree != nil else { throw Status.badRequest("the request body holds no object") }
    }

    /// The body as an object of type `T`; 400 naming the field, line and column when a
    /// value does not fit, 415 for a protobuf body of a kind not read from protobuf.
    func decode<T: Decodable>(_ type: T.Type) throws(Status) -> T {
        guard let tree else {
            if T.self == Namespace.self, let namespace = ProtobufNamespace.decode(request.body) {
                return namespace as! T  // T is Namespace: checked just above.
            }
            if let object = ProtobufConfigKinds.decode(T.self, from: request.body) { return object }
            // Stage 4 > later stages' kinds that kubectl sends as protobuf (`kubectl create priorityclass`)
            if let kind = T.self as? any ProtobufDecodable.Type, let object = kind.decode(protobuf: request.body) as? T { return object }
            // Stage 4 <
            throw Status.unsupportedMediaType(accepted: Self.acceptedMediaTypes)
        }
        do {
            return try Manifest.decode(T.self, from: tree)
        } catch {
            throw Status.badRequest("the request body is not a valid object: \(error)")
        }
    }

    /// The body as a JSON value, for the checks that walk it beside the field tables;
    /// nil for protobuf.
    var value: JSONValue? { tree.map(JSONValue.init(node:)) }
}

extension JSONValue {
    /// The JSON value of a document's tree: what decoding the tree as `JSONValue` gives,
    /// without a `Decoder` per value. Mapping keys that are not strings are written as
    /// strings (`80: x` has the key "80"), as Kubernetes' YAML-to-JSON step does.
    init(node: YAMLNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .number(Double(value))
        case .bigInteger(let digits): self = .number(Double(digits) ?? .nan)
        case .double(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .sequence(let items): self = .array(items.map(JSONValue.init(node:)))
        case .mapping(let pairs):
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let key = pair.key.value.asKey else { continue }
                members[key] = JSONValue(node: pair.value)
            }
            self = .object(members)
        }
    }
}
