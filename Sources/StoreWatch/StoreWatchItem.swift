// Stage 3 · StoreWatch: what a watch that follows the store's progress receives.
//
// A watch of one prefix hears nothing while the rest of the store is written: a watch of
// the pods learns nothing when a node is updated. Yet the store has moved on, and a
// watcher of the pods that is told so can say "I have seen every pod change up to
// revision R" even though no pod changed. Kubernetes relies on this for its bookmarks:
// etcd's *progress notify* puts the current revision into the watch stream itself, in
// order, after every event up to it. A revision told out of band would not do: events
// up to it might still be on their way, and a client resuming from it would miss them.

/// One item of a watch opened with `watchWithProgress`: an event, or the store's progress.
public enum StoreWatchItem: Sendable, Equatable {
    /// A committed write under the watched prefix.
    case event(StoreEvent)
    /// Every event under the prefix up to and including `revision` has been delivered
    /// before this item; the store has reached `revision`.
    case progress(revision: Int64)
}
