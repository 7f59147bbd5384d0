// Stage 3 · EtcdStore: the messages of etcd's watch stream (`/v3/watch`).
//
// A watch is one long HTTP exchange. The request body holds one `create_request` (a key
// range, the revision to start from, and `prev_kv` to have every event carry the value
// before it). The answer is a chunked stream of JSON objects, one per line, each wrapped
// in `result`: first one with `created: true`, then one per batch of events as they
// happen (a replay of the history from the start revision comes first, in one batch).
// A put event has no `type` (PUT is the protobuf zero value, left out); a delete says
// `"type":"DELETE"` and its `kv` holds only the key and the delete's revision, the value
// it removed being in `prev_kv`. When the start revision has been compacted away, etcd
// answers `canceled: true` with the `compact_revision`, and the stream ends.
// A gateway failure inside the stream comes as `{"error": {...}}` instead of `result`.

import struct Foundation.Data

/// The body of `POST /v3/watch`.
struct EtcdWatchRequest: Codable, Sendable {
    var createRequest: EtcdWatchCreateRequest
}

/// etcd's `WatchCreateRequest`, the fields used here.
struct EtcdWatchCreateRequest: Codable, Sendable {
    var key: Data
    var rangeEnd: Data
    /// The first revision whose events are sent; 0 would mean "from now", so never sent.
    @ProtoInt64 var startRevision: Int64 = 0
    var prevKv: Bool
    /// Ask for progress notifications (see EtcdWatchReader.swift); nil leaves it out.
    var progressNotify: Bool?
}

/// One line of the watch stream.
struct EtcdWatchStreamMessage: Codable, Sendable {
    var result: EtcdWatchResponse?
    var error: EtcdStreamError?
}

/// etcd's `WatchResponse`.
struct EtcdWatchResponse: Codable, Sendable {
    var header: EtcdResponseHeader?
    var created: Bool?
    var canceled: Bool?
    /// Set when the watch was refused because its start revision is compacted: the
    /// revision etcd compacted at, the oldest a watch may start from.
    @ProtoInt64 var compactRevision: Int64 = 0
    var cancelReason: String?
    var events: [EtcdEvent]?
}

/// etcd's `mvccpb.Event`.
struct EtcdEvent: Codable, Sendable {
    /// Absent for a put; `DELETE` for a delete.
    var type: String?
    var kv: EtcdKeyValue
    /// The key-value before this event; absent for a create.
    var prevKv: EtcdKeyValue?

    var isDelete: Bool { type == "DELETE" }
}

/// An error the gateway writes into a stream in place of a message.
struct EtcdStreamError: Codable, Sendable {
    var message: String?
    var grpcCode: Int?
}
