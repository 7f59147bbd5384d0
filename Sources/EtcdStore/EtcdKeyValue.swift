// Stage 3 · EtcdStore: the pieces every etcd answer is made of: its header and its key-values.
//
// Every response of etcd's v3 API opens with a header naming the cluster, the member that
// answered, and the store's revision at the moment of the answer; after a write that is
// the write's own revision, which is how Kubernetes learns a new object's
// resourceVersion. A key-value is etcd's `mvccpb.KeyValue`: the key and value bytes
// (base64 in JSON, which `JSONDecoder` reads into `Data` by default) and the three
// counters our `StoredValue` copies: create revision, mod revision, version.
// (Field names go through the coders' snake-case conversion: `modRevision` is `mod_revision`.)

import Storage
import struct Foundation.Data

/// The header of every etcd response; only the revision matters to the store.
struct EtcdResponseHeader: Codable, Sendable {
    /// The store's revision when the request was served (after it, for a write). Absent,
    /// so 0, on a canceled watch's last message.
    @ProtoInt64 var revision: Int64 = 0
}

/// One key and its value, as etcd returns it (`mvccpb.KeyValue`).
struct EtcdKeyValue: Codable, Sendable {
    var key: Data
    /// Absent for an empty value, and in a delete event's `kv`.
    var value: Data?
    @ProtoInt64 var createRevision: Int64 = 0
    @ProtoInt64 var modRevision: Int64 = 0
    @ProtoInt64 var version: Int64 = 0

    /// The key as the API server wrote it (UTF-8 text, such as `/registry/pods/default/web`).
    var keyText: String { String(decoding: key, as: UTF8.self) }

    /// This key-value as the store contract returns it.
    var stored: StoredValue {
        StoredValue(key: keyText, value: value ?? Data(), createRevision: createRevision, modRevision: modRevision, version: version)
    }
}

/// Keys and key ranges as etcd names them: bytes, and a range's end one past its last key.
enum EtcdKeys {
    /// The key's bytes; keys are compared byte by byte, as the store contract says.
    static func bytes(_ key: String) -> Data { Data(key.utf8) }

    /// The `range_end` that makes a range "every key starting with `prefix`": the prefix
    /// with its last byte incremented (`/registry/pods/` ends at `/registry/pods0`), as
    /// etcd's client computes it. (Trailing 0xFF bytes, which UTF-8 text never has, are
    /// dropped first, as etcd's client does.) No prefix at all has no such end, and etcd
    /// reads the end `\0` as "to the end of the keyspace".
    static func prefixEnd(_ prefix: String) -> Data {
        var bytes = Array(prefix.utf8)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return Data(bytes)
            }
            bytes.removeLast()
        }
        return Data([0])
    }

    /// The key that starts a prefix range; etcd reads the empty key as "no key", so the
    /// empty prefix starts at `\0`, the first key there can be.
    static func prefixStart(_ prefix: String) -> Data {
        prefix.isEmpty ? Data([0]) : bytes(prefix)
    }
}
