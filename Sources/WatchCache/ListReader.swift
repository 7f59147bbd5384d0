// Stage 3 · WatchCache: a list read at the revision its request names, from the store's past.
//
// Stage 2's lists read the store as it is now, whatever they ask. With a store that
// remembers, a list can be exact about time, and Kubernetes' rules say when it must be
// (`resourceVersion` and `resourceVersionMatch`; api-concepts "Resource versions"):
//
//   resourceVersion        match           limit   read
//   unset                  —               any     the latest
//   "0"                    unset/NotOlder  any     any (here: the latest)
//   N                      unset           none    not older than N
//   N                      unset           set     exactly N (the legacy rule of paged lists)
//   N                      NotOlderThan    any     not older than N
//   N                      Exact           any     exactly N
//   a page's continue token                        exactly the first page's revision
//
// "Not older than N" when the store is not at N yet waits up to `futureVersionWait`, then
// answers 504. "Exactly N" from before the store's history is 410 Expired; so is a page
// whose first page's revision has been compacted, and then the Status carries a token
// that continues at the latest revision instead, as Kubernetes' does (etcd3 `errors.go`).

import API
import APIMachinery
import APIServer
import Storage
import StoreWatch

/// Reads the values a list asks for from `store`, past or present.
struct ListReader: Sendable {
    /// How often a list waiting for a version the store has not reached looks again.
    static let futureVersionPoll = Duration.milliseconds(20)

    let store: any WatchableKeyValueStore
    let limits: WatchCacheLimits

    /// The values under `prefix` that `read` asks for, and the revision they are at.
    func values(under prefix: String, _ read: ListRead) async throws(Status) -> (items: [StoredValue], revision: Int64) {
        // The options are checked first, as Kubernetes' handler checks them before its store reads.
        if let problem = ResourceVersionRules.listProblems(read) { throw problem }
        if let pinned = read.continueRevision {
            // -1: a token handed back after a compaction, which continues at the latest.
            guard pinned > 0 else { return try await latest(prefix) }
            return try await past(prefix, at: pinned, latestContinueToken: read.latestContinueToken)
        }
        let version = try ResourceVersionRules.revision(read.resourceVersion)
        guard version > 0 else { return try await latest(prefix) }
        let isExact = read.resourceVersionMatch == ResourceVersionRules.exact
            || (read.resourceVersionMatch.isEmpty && read.limit != nil)
        if isExact { return try await past(prefix, at: version, latestContinueToken: nil) }
        try await waitForStore(toReach: version)
        return try await latest(prefix)
    }

    /// The values as they are now.
    private func latest(_ prefix: String) async throws(Status) -> (items: [StoredValue], revision: Int64) {
        do { return try await store.list(prefix: prefix) } catch { throw Status.internalError("\(error)") }
    }

    /// The values as they were at `revision`; 410 when the store no longer knows.
    private func past(_ prefix: String, at revision: Int64, latestContinueToken: String?) async throws(Status) -> (items: [StoredValue], revision: Int64) {
        try await waitForStore(toReach: revision)
        do {
            return (try await store.list(prefix: prefix, atRevision: revision), revision)
        } catch {
            guard case .compacted = error else { throw Status.internalError(error.description) }
            guard let latestContinueToken else { throw Status.resourceExpired(ResourceVersionRules.listTooOld) }
            var expired = Status.resourceExpired(ResourceVersionRules.inconsistentContinue)
            expired.metadata.continue = latestContinueToken
            throw expired
        }
    }

    /// Returns once the store has reached `revision`; 504 if it has not within `futureVersionWait`.
    private func waitForStore(toReach revision: Int64) async throws(Status) {
        let deadline = ContinuousClock.now.advanced(by: limits.futureVersionWait)
        while true {
            let current = await store.currentRevision
            if current >= revision { return }
            if ContinuousClock.now >= deadline {
                throw ResourceVersionRules.tooLarge(revision, current: current, retryAfterSeconds: limits.futureVersionRetrySeconds)
            }
            // Cancelled means the client left; it no longer matters what is answered.
            try? await Task.sleep(for: Self.futureVersionPoll)
        }
    }
}
