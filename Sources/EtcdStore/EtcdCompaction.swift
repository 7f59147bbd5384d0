// Stage 3 · EtcdStore: forgetting the past (`/v3/kv/compaction`).
//
// etcd keeps every version of every key until it is told to forget. Compacting at
// revision C drops every version that was overwritten or deleted at or before C, keeping
// each key's value as it was at C, so that reads at C and later still work and reads
// before C fail with "required revision has been compacted". Kubernetes' API server
// compacts every five minutes. `physical: true` makes the call return only once the old
// versions are really gone, so a read right after it sees the compaction.

/// The body of `POST /v3/kv/compaction` (etcd's `CompactionRequest`).
struct EtcdCompactionRequest: Codable, Sendable {
    @ProtoInt64 var revision: Int64 = 0
    var physical: Bool
}

/// The answer to a compaction: only the header.
struct EtcdCompactionResponse: Codable, Sendable {
    var header: EtcdResponseHeader
}
