// Stage 3 · Informers: what a component is told when an object of its resource changes.
//
// A controller does not poll its cache; it registers a handler and is called: this pod
// was added, this one changed (old and new state, so it can see what changed), this one
// went (its last state). Handlers are called one at a time and in order, each on its own
// queue, so a slow handler delays only itself. In Kubernetes a handler does little more
// than put the object's `namespace/name` on a work queue; the real work happens there.

import APIMachinery

/// The three calls a `SharedInformer` makes to each of its handlers
/// (client-go's `ResourceEventHandlerFuncs`).
public struct ResourceEventHandler<Object: APIObject>: Sendable {
    public var onAdd: @Sendable (Object) async -> Void
    /// Also called, with `old == new`, on a resync and for objects a fresh list still holds.
    public var onUpdate: @Sendable (_ old: Object, _ new: Object) async -> Void
    public var onDelete: @Sendable (Object) async -> Void

    public init(
        onAdd: @escaping @Sendable (Object) async -> Void = { _ in },
        onUpdate: @escaping @Sendable (_ old: Object, _ new: Object) async -> Void = { _, _ in },
        onDelete: @escaping @Sendable (Object) async -> Void = { _ in }
    ) {
        self.onAdd = onAdd
        self.onUpdate = onUpdate
        self.onDelete = onDelete
    }
}

/// One call owed to one handler, queued in the order the informer learned of it.
enum Notification<Object: APIObject>: Sendable {
    case add(Object)
    case update(old: Object, new: Object)
    case delete(Object)

    func deliver(to handler: ResourceEventHandler<Object>) async {
        switch self {
        case .add(let object): await handler.onAdd(object)
        case .update(let old, let new): await handler.onUpdate(old, new)
        case .delete(let object): await handler.onDelete(object)
        }
    }
}
