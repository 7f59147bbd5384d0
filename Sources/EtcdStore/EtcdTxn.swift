// Stage 3 · EtcdStore: a transaction, etcd's only conditional write (`/v3/kv/txn`).
//
// etcd has no "create if absent" or "update if unchanged" call. It has one general tool:
// a transaction of the form `If(compares) Then(operations) Else(operations)`, applied
// atomically at one revision. Kubernetes builds every write of its registry from it:
//
//     create:  If(mod_revision(key) == 0)        Then(put)
//     update:  If(mod_revision(key) == expected) Then(put)    Else(get)
//     delete:  If(mod_revision(key) == expected) Then(delete) Else(get)
//
// A key that does not exist has mod revision 0, so the create's compare means "absent".
// The `Else(get)` reads the key in the same step, so a failed update learns at once
// whether it lost a race (the key changed: a conflict, with the current value) or the
// key is gone (not found), without a second round trip that could race again.

import struct Foundation.Data

/// The body of `POST /v3/kv/txn` (etcd's `TxnRequest`).
struct EtcdTxnRequest: Codable, Sendable {
    var compare: [EtcdCompare]
    var success: [EtcdRequestOp]
    var failure: [EtcdRequestOp]
}

/// One condition of a transaction: the key's mod revision compared with a number.
struct EtcdCompare: Codable, Sendable {
    /// What is compared; always `MOD` here, the key's mod revision.
    var target = "MOD"
    /// `EQUAL`, `GREATER`, `LESS` or `NOT_EQUAL`.
    var result: String
    var key: Data
    @ProtoInt64 var modRevision: Int64 = 0

    /// True when the key's mod revision is `revision` (0: the key does not exist).
    static func modRevision(of key: String, is revision: Int64) -> EtcdCompare {
        EtcdCompare(result: "EQUAL", key: EtcdKeys.bytes(key), modRevision: revision)
    }

    /// True when the key exists (its mod revision is above 0).
    static func exists(_ key: String) -> EtcdCompare {
        EtcdCompare(result: "GREATER", key: EtcdKeys.bytes(key), modRevision: 0)
    }
}

/// One operation of a transaction's branch: exactly one of the three is set.
struct EtcdRequestOp: Codable, Sendable {
    var requestPut: EtcdPutRequest?
    var requestRange: EtcdRangeRequest?
    var requestDeleteRange: EtcdDeleteRangeRequest?

    static func put(_ key: String, _ value: Data) -> EtcdRequestOp {
        EtcdRequestOp(requestPut: EtcdPutRequest(key: EtcdKeys.bytes(key), value: value))
    }

    static func get(_ key: String) -> EtcdRequestOp {
        EtcdRequestOp(requestRange: .key(key))
    }

    /// Deletes `key`, returning the value it held (`prev_kv`).
    static func delete(_ key: String) -> EtcdRequestOp {
        EtcdRequestOp(requestDeleteRange: EtcdDeleteRangeRequest(key: EtcdKeys.bytes(key), prevKv: true))
    }
}

/// etcd's `PutRequest`, the fields used here.
struct EtcdPutRequest: Codable, Sendable {
    var key: Data
    var value: Data
}

/// etcd's `DeleteRangeRequest`, for one key.
struct EtcdDeleteRangeRequest: Codable, Sendable {
    var key: Data
    var prevKv: Bool?
}

/// The answer to a transaction (etcd's `TxnResponse`).
struct EtcdTxnResponse: Codable, Sendable {
    /// The revision after the transaction: the write's own revision when it wrote.
    var header: EtcdResponseHeader
    /// Whether the compares held and `success` ran; absent (false) when `failure` ran.
    var succeeded: Bool?
    /// One answer per operation of the branch that ran, in order.
    var responses: [EtcdResponseOp]?

    /// The key-values read by the branch's first range operation (the `Else(get)`).
    var rangeResult: [EtcdKeyValue] {
        responses?.first?.responseRange?.kvs ?? []
    }

    /// The values removed by the branch's first delete operation.
    var deleted: [EtcdKeyValue] {
        responses?.first?.responseDeleteRange?.prevKvs ?? []
    }
}

/// One operation's answer inside a transaction's answer.
struct EtcdResponseOp: Codable, Sendable {
    var responseRange: EtcdRangeResponse?
    var responseDeleteRange: EtcdDeleteRangeResponse?
}

/// etcd's `DeleteRangeResponse`.
struct EtcdDeleteRangeResponse: Codable, Sendable {
    @ProtoInt64 var deleted: Int64 = 0
    var prevKvs: [EtcdKeyValue]?
}
