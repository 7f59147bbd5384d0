// Stage 2 · APIMachinery: one event of a watch (meta/v1 `WatchEvent`).
//
// A watch answers with a stream of events, one JSON document a line:
//
//   {"type":"ADDED","object":{…the object…}}
//   {"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12746"}}}
//   {"type":"ERROR","object":{"kind":"Status",…,"reason":"Expired","code":410}}
//
// ADDED, MODIFIED and DELETED carry the object (DELETED its last state). A BOOKMARK
// carries only a resourceVersion the watch has reached, and an ERROR a `Status`, after
// which the stream ends. Stage 2's polling watch sends the first three (and ERROR when
// it cannot list); stage 3's watch sends bookmarks and the 410 that makes a client re-list.

/// One change seen by a watch; sent by the API server's watch, read by clients (stage 3).
public enum WatchEvent<Object: APIObject>: Sendable, Hashable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    /// The watch has seen everything up to `resourceVersion`.
    case bookmark(resourceVersion: String)
    /// The watch failed and ends; `410 Expired` means "re-list, then watch again".
    case error(Status)

    /// The `type` written on the wire: `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK`, `ERROR`.
    public var type: String {
        switch self {
        case .added: "ADDED"
        case .modified: "MODIFIED"
        case .deleted: "DELETED"
        case .bookmark: "BOOKMARK"
        case .error: "ERROR"
        }
    }

    /// The object of an ADDED, MODIFIED or DELETED event.
    public var object: Object? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): object
        case .bookmark, .error: nil
        }
    }
}
