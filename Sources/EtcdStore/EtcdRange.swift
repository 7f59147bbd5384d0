// Stage 3 · EtcdStore: a read of one key or a range of keys (`/v3/kv/range`).
//
// Kubernetes reads etcd with one call: a get is a range of one key, a list is a range
// from the prefix to the prefix's end (see `EtcdKeys`), and a read "as it was at
// revision R" (a list page, `resourceVersionMatch=Exact`) is the same range with
// `revision` set. Reads are linearizable by default: the member asks the leader first,
// so a read never returns something older than a write that already succeeded, whichever
// member serves it. That is what lets two API servers share one etcd.

import struct Foundation.Data

/// The body of `POST /v3/kv/range` (etcd's `RangeRequest`, the fields the store uses).
struct EtcdRangeRequest: Codable, Sendable {
    var key: Data
    /// One past the last key of the range; nil reads `key` alone.
    var rangeEnd: Data?
    /// The revision to read at; 0 reads the current state.
    @ProtoInt64 var revision: Int64 = 0
    /// Only count the keys, return none: the cheapest way to learn the store's revision.
    var countOnly: Bool?

    /// A read of `key` alone, now or at `revision`.
    static func key(_ key: String, revision: Int64 = 0) -> EtcdRangeRequest {
        EtcdRangeRequest(key: EtcdKeys.bytes(key), rangeEnd: nil, revision: revision)
    }

    /// A read of every key under `prefix`, now or at `revision`.
    static func prefix(_ prefix: String, revision: Int64 = 0) -> EtcdRangeRequest {
        EtcdRangeRequest(key: EtcdKeys.prefixStart(prefix), rangeEnd: EtcdKeys.prefixEnd(prefix), revision: revision)
    }
}

/// The answer to a range (etcd's `RangeResponse`).
struct EtcdRangeResponse: Codable, Sendable {
    var header: EtcdResponseHeader
    /// The keys found, in key order; absent when none were.
    var kvs: [EtcdKeyValue]?
}
