// Stage 2 · Storage: one key's value and its revisions, as a read returns them.
//
// This is etcd's `KeyValue` message without the lease: the bytes the API server stored
// (an object's JSON) and the three counters the store maintains. The API server copies
// `modRevision` into the object's `metadata.resourceVersion` on every read.

import struct Foundation.Data

/// A key's current value and revisions, returned by every read and by `delete`.
public struct StoredValue: Sendable, Equatable, CustomStringConvertible {
    /// The key, such as `/registry/pods/default/web`.
    public let key: String
    /// The stored bytes; the store never looks inside them.
    public let value: Data
    /// The revision of the write that created the key (etcd `create_revision`).
    public let createRevision: Int64
    /// The revision of the write that last changed the key (etcd `mod_revision`): the
    /// object's `resourceVersion`.
    public let modRevision: Int64
    /// How many writes the key has seen since it was created: 1 after create, +1 per update.
    public let version: Int64

    /// Makes a value; stores call this, and tests that build expected values.
    public init(key: String, value: Data, createRevision: Int64, modRevision: Int64, version: Int64) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
        self.version = version
    }

    /// A one-line summary for logs and test failures (the value's size, not its bytes).
    public var description: String {
        "\(key) create=\(createRevision) mod=\(modRevision) version=\(version) bytes=\(value.count)"
    }
}
