// Stage 2 · APIServer: `?limit=N` and `?continue=TOKEN`: a long list in pages.
//
// A client that does not want ten thousand pods at once asks for `limit=500`; the answer
// holds at most 500 and, when more remain, a token in `metadata.continue`. Sending the
// token back (`continue=…`, same selectors) gives the next page; the last page has no
// token. `kubectl get --chunk-size=N` and the Python client's `limit`/`_continue` page
// this way. Kubernetes' token is base64url of `{"v":"meta.k8s.io/v1","rv":R,"start":K}`:
// the key to resume at and the revision of the first page; this one has the same shape.
//
// What a page promises differs, and a learner should know how. Kubernetes serves every
// page from the store's history *as of revision R*, so the pages together are one
// snapshot. This store has no history until stage 3, so each page is read from the
// objects as they are now, resuming after the last key returned (the token holds it):
// an object that exists throughout is returned exactly once, but one created or deleted
// between pages may or may not appear, and each page carries its own resourceVersion.
// `remainingItemCount` is exact for the moment of the page and, as in Kubernetes, only
// given when no selector filters the list.

import API
import APIMachinery
import Foundation
import Storage

/// One page of a list request: what the query asked for, and the bookkeeping of the answer.
struct ListPage: Sendable, Equatable {
    /// The most objects to return; nil for all of them.
    var limit: Int?
    /// The relative key after which this page starts; "" for the first page.
    var startAfter = ""

    // Stage 3 > what a watch source that reads lists needs of the request
    /// What the page asks of a source that reads the past (`WatchSource.listValues`).
    var read = ListRead()
    // Stage 3 <

    /// The version of the token's format, as Kubernetes writes it.
    static let tokenVersion = "meta.k8s.io/v1"

    /// Reads `limit` and `continue` from a list's query; 400 for a token that is not one of ours.
    init(query: [String: String]) throws(Status) {
        if let text = query["limit"], let limit = Int(text), limit > 0 { self.limit = limit }
        // Stage 3 > the request's versions, for a source that reads the past
        read.resourceVersion = query["resourceVersion"] ?? ""
        read.resourceVersionMatch = query["resourceVersionMatch"] ?? ""
        read.limit = limit
        // Stage 3 <
        guard let token = query["continue"], !token.isEmpty else { return }
        // "0" (any version) may come with a token, as Kubernetes allows; any other may not.
        if let version = query["resourceVersion"], !version.isEmpty, version != "0" {
            throw Status.badRequest("specifying resource version is not allowed when using continue")
        }
        startAfter = try Self.decode(token)
        // Stage 3 > a page after the first is read at the revision its token pins
        read.continueRevision = Self.revision(of: token)
        read.latestContinueToken = Self.token(lastKey: startAfter, revision: -1)
        // Stage 3 <
    }

    init(limit: Int?, startAfter: String = "") {
        self.limit = limit
        self.startAfter = startAfter
    }

    /// The token of a page that ended at `lastKey` (relative to the resource's prefix) at `revision`.
    static func token(lastKey: String, revision: Int64) -> String {
        let body = Token(v: tokenVersion, rv: revision, start: lastKey + "\u{0}")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The key a token resumes after; 400 `invalid continue token` when it is not one.
    static func decode(_ token: String) throws(Status) -> String {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let body = try? JSONDecoder().decode(Token.self, from: data) else {
            throw Status.badRequest("invalid continue token: continue key is not valid: illegal base64 data or JSON")
        }
        guard body.v == tokenVersion else {
            throw Status.badRequest("invalid continue token: continue key is not valid: server does not recognize this encoded version")
        }
        guard body.start.hasSuffix("\u{0}"), !body.start.hasPrefix("/"), !body.start.contains("..") else {
            throw Status.badRequest("invalid continue token: continue key is not valid: invalid start key")
        }
        return String(body.start.dropLast())
    }

    // Stage 3 > the revision a token pins, read by the source that reads the past
    /// The revision `token` was made at (-1 for "the latest"); nil if it has none.
    static func revision(of token: String) -> Int64? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONDecoder().decode(Token.self, from: data))?.rv
    }
    // Stage 3 <

    /// The token's JSON, with Kubernetes' field names.
    private struct Token: Codable {
        var v: String
        var rv: Int64
        var start: String
    }
}

extension RESTStorage {
    /// One page of the objects in `namespace` (every namespace when nil) that the
    /// selectors match, and the list metadata that goes with it.
    func list(
        namespace: String?, labels: LabelSelector, fields: FieldSelector, page: ListPage,
        // Stage 3 > the watch source, which may read the values itself
        source: (any WatchSource)? = nil
        // Stage 3 <
    ) async throws(Status) -> (items: [Object], metadata: ListMeta) {
        try await listPage(
            namespace: namespace, selectsEverything: labels == .everything && fields == .everything, page: page, source: source
        ) { (value) throws(Status) -> Object? in
            let object = try object(from: value)
            return Self.selects(object, labels: labels, fields: fields) ? object : nil
        }
    }

    /// One page of `item(value)` for the stored values it does not answer nil for (those
    /// its selectors leave out), and the page's metadata. The decoded list and the list
    /// from stored JSON (`RESTStorage+ListJSON.swift`) share it, so their pages agree.
    func listPage<Item>(
        namespace: String?, selectsEverything: Bool, page: ListPage, source: (any WatchSource)?,
        _ item: (StoredValue) throws(Status) -> Item?
    ) async throws(Status) -> (items: [Item], metadata: ListMeta) {
        let prefix = resource.storagePrefix(namespace: namespace)
        let values: [StoredValue], revision: Int64
        // Stage 3 > a source that remembers reads the values: at the token's revision, or as resourceVersion asks
        if let read = try await source?.listValues(under: prefix, page.read) {
            (values, revision) = read
        } else {
        // Stage 3 <
        do { (values, revision) = try await store.list(prefix: prefix) } catch { throw Status.internalError("\(error)") }
        // Stage 3 > the branch above ends
        }
        // Stage 3 <
        // The store lists in key order, so a page resumes after the last key returned.
        var matching: [(key: String, item: Item)] = []
        for value in values {
            let key = String(value.key.dropFirst(prefix.count))
            guard page.startAfter.isEmpty || key > page.startAfter else { continue }
            if let selected = try item(value) { matching.append((key, selected)) }
        }
        var metadata = ListMeta(resourceVersion: String(revision))
        let shown = matching.prefix(page.limit ?? matching.count)
        let left = matching.count - shown.count
        if left > 0, let last = shown.last {
            metadata.continue = ListPage.token(lastKey: last.key, revision: revision)
            if selectsEverything { metadata.remainingItemCount = Int64(left) }
        }
        return (shown.map(\.item), metadata)
    }
}
