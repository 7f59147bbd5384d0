// Stage 3 · Informers: what a reflector learned, handed to the cache that keeps it.
//
// A reflector turns lists and watch events into these, in the order it learned them;
// the informer applies each to its `Indexer` and tells its handlers. A `replaced` is a
// whole fresh list: the cache becomes exactly that, and whatever was cached but is not
// in it was deleted while nobody was watching (client-go's DeltaFIFO `Replace`).

import APIMachinery

/// One change to a reflector's picture of a resource.
public enum Delta<Object: APIObject>: Sendable, Hashable {
    /// A fresh list: the complete set of objects, at `resourceVersion`.
    case replaced([Object], resourceVersion: String)
    case added(Object)
    case modified(Object)
    /// The object's last state.
    case deleted(Object)
}
