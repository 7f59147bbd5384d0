// Stage 3 · WatchCache: one watcher's view of the store's changes — what each write means to it.
//
// The store knows keys and bytes; a watcher asked for objects that match its selectors.
// So each committed write is turned, for each watcher, into the event that watcher must
// see, or into nothing. A write is judged by both of its values, before and after,
// because an object can walk into or out of a watcher's view:
//
//   before      after       the watcher is sent
//   —           matches     ADDED     (created)
//   matches     matches     MODIFIED
//   no match    matches     ADDED     (it started to match: new to this watcher)
//   matches     no match    DELETED   (it stopped matching: gone from this watcher's view)
//   matches     — deleted   DELETED   (its last state)
//
// A DELETED carries the object as it last was, but with the revision of the write that
// removed it (from the store or from the view) as its resourceVersion: a client records
// the version of every event it is given and resumes from the last one, so that version
// must be the write's, not the older one the object carried. Kubernetes does the same.

import API
import APIMachinery
import APIServer
import StoreWatch

/// Turns the store's changes into the watch events of one watcher's selectors.
struct WatchFilter<Strategy: RESTStrategy>: Sendable {
    typealias Object = Strategy.Object

    let storage: RESTStorage<Strategy>
    let labels: LabelSelector
    let fields: FieldSelector

    /// Whether `object` is in this watcher's view.
    func selects(_ object: Object) -> Bool {
        RESTStorage<Strategy>.selects(object, labels: labels, fields: fields)
    }

    /// The event `change` is for this watcher, or nil if it does not concern it.
    func event(for change: StoreEvent) throws(Status) -> WatchEvent<Object>? {
        let object = try change.value.map { (value) throws(Status) in try storage.object(from: value) }
        // Without selectors every object is in view, and the old one need not be decoded.
        let needsOld = object == nil || (!labels.isEmpty || !fields.isEmpty)
        let previous = needsOld ? try change.previous.map { (value) throws(Status) in try storage.object(from: value) } : nil
        return event(revision: change.revision, object: object, previous: previous, hadPrevious: change.previous != nil)
    }

    /// The event a write at `revision` from `previous` to `object` (nil: deleted) is for
    /// this watcher; `hadPrevious` says whether the key existed before (its old value may
    /// be left undecoded when no selector needs it). The watch cache decodes each write
    /// once, for all its watchers, and calls this.
    func event(revision: Int64, object: Object?, previous: Object?, hadPrevious: Bool) -> WatchEvent<Object>? {
        guard let object else {
            guard let previous else { return nil }
            return selects(previous) ? .deleted(at(revision, previous)) : nil
        }
        let matches = selects(object)
        guard hadPrevious else { return matches ? .added(object) : nil }
        if labels.isEmpty && fields.isEmpty { return .modified(object) }
        guard let old = previous else { return matches ? .modified(object) : nil }
        switch (selects(old), matches) {
        case (true, true): return .modified(object)
        case (false, true): return .added(object)
        case (true, false): return .deleted(at(revision, old))
        case (false, false): return nil
        }
    }

    /// `object` with `revision` as its resourceVersion.
    private func at(_ revision: Int64, _ object: Object) -> Object {
        var object = object
        object.metadata.resourceVersion = String(revision)
        return object
    }
}
