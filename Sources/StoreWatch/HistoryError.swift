// Stage 3 · StoreWatch: why a watch ended or a read into the past was refused.
//
// A store that remembers only a window of its past must say so when asked for more. The
// answer has to be loud: a watch that silently skipped the forgotten events would leave
// its watcher with a wrong picture of the cluster forever. So a watch or read from before
// the window fails with the first revision still known (etcd's `compact_revision`), and
// the caller starts over from a fresh read, as a Kubernetes client re-lists on 410 Gone.

import Storage

/// Why the history could not serve a watch or a read at a past revision.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
    /// The events after `requested` are no longer all kept: the history starts after
    /// `compactRevision`. Watch or read from `compactRevision` or later, after a fresh read.
    /// Kubernetes answers this with 410 Expired ("too old resource version").
    case compacted(requested: Int64, compactRevision: Int64)
    /// A read at a revision the store has not reached yet.
    case futureRevision(requested: Int64, current: Int64)
    /// The watcher did not keep up: more than `limit` events waited for it. It has been
    /// given every event before the one that did not fit; a new watch after the last
    /// revision it saw resumes, unless that too has been compacted.
    case fellBehind(limit: Int)
    /// The store underneath failed.
    case storage(StorageError)

    /// A sentence for logs, worded as etcd words the same refusals where it has one.
    public var description: String {
        switch self {
        case .compacted(let requested, let compactRevision):
            "required revision \(requested) has been compacted; the history starts after revision \(compactRevision)"
        case .futureRevision(let requested, let current):
            "required revision \(requested) is a future revision; the store is at \(current)"
        case .fellBehind(let limit):
            "the watcher fell behind: more than \(limit) events were waiting for it"
        case .storage(let error):
            error.description
        }
    }
}
