// Stage 1 · Manifests: from manifest text to typed objects.
//
// The way in for every object a person writes: text → `YAMLReader` → `YAMLNode` trees
// → `NodeDecoder` → `Pod` (or any other API type). JSON is YAML, so JSON manifests take
// the same road and get the same precise errors.
//
// Errors arrive as `DecodingError`s carrying a coding path. `Manifest` walks that path
// down the document's tree to the deepest node that exists, and reports that node's
// line and column: the value itself when it was there but wrong, the enclosing object
// when a required key was missing.
//
// The kubelet (stage 1) reads its static pod folder this way; the API server (stage 2)
// decodes request bodies with `decode(_:from:)` too, from the tree `JSONReader` (for
// JSON) or the YAML reader made of them.

import API
import YAML

/// Decodes manifests (YAML or JSON text, or already-read YAML nodes) into API types,
/// with errors that point at file, line, column and field; used by the kubelet's
/// static pod source and by the API server.
public enum Manifest {
    /// Decodes one document's tree into `type`; `file` only labels errors.
    public static func decode<T: Decodable>(
        _ type: T.Type, from node: YAMLNode, file: String? = nil
    ) throws(ManifestError) -> T {
        do {
            return try T(from: NodeDecoder(node: node))
        } catch let error as DecodingError {
            let (codingPath, message) = ManifestError.parts(of: error)
            let mark = deepestMark(in: node, along: codingPath)
            return try failure(ManifestError(
                file: file, line: mark.line, column: mark.column,
                path: ManifestError.fieldPath(codingPath), message: message))
        } catch {
            // API types only throw DecodingErrors; anything else is still reported, at the top.
            return try failure(ManifestError(
                file: file, line: node.mark.line, column: node.mark.column, message: String(describing: error)))
        }
    }

    /// Reads every document of `text` and decodes each into `type`; the first bad
    /// document stops the reading, as `kubectl apply -f` does.
    public static func decodeDocuments<T: Decodable>(
        _ type: T.Type, yaml text: String, file: String? = nil
    ) throws(ManifestError) -> [T] {
        let documents: [YAMLNode]
        do {
            // JSON text is read as JSON (one pass, and tabs are whitespace there, as in
            // Kubernetes' reader); anything the JSON parser refuses gets the YAML reader's
            // reading, or its error.
            let bytes = Array(text.utf8)
            if JSONReader.looksLikeJSON(bytes), let document = try? JSONReader.document(in: bytes) {
                documents = [document.root]
            } else {
                documents = try YAMLReader.documents(in: text)
            }
        } catch {
            throw ManifestError(file: file, line: error.mark.line, column: error.mark.column, message: error.message)
        }
        var objects: [T] = []
        for document in documents {
            objects.append(try decode(type, from: document, file: file))
        }
        return objects
    }

    /// Peeks at a document's `apiVersion` and `kind`, so a caller can decide which type
    /// to decode it as (the kubelet skips documents that are not Pods).
    public static func typeMeta(of node: YAMLNode, file: String? = nil) throws(ManifestError) -> TypeMeta {
        try decode(TypeMeta.self, from: node, file: file)
    }

    /// Throws `error`; lets the typed-throws function above return from a `catch`.
    private static func failure<T>(_ error: ManifestError) throws(ManifestError) -> T {
        throw error
    }

    /// The mark of the deepest node reachable from `root` along `codingPath`.
    static func deepestMark(in root: YAMLNode, along codingPath: [any CodingKey]) -> YAMLMark {
        var node = root
        for key in codingPath {
            switch node.value {
            case .mapping(let pairs):
                // The last pair with the key wins, as in the decoder.
                guard let pair = pairs.last(where: { $0.key.value.asKey == key.stringValue }) else {
                    return node.mark
                }
                node = pair.value
            case .sequence(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return node.mark }
                node = items[index]
            default:
                return node.mark
            }
        }
        return node.mark
    }
}
