// Stage 4 · Scheduler: one informer, two audiences (client-go's `FilteringResourceEventHandler`).
//
// kube-scheduler watches pods once, and splits what it hears: pods with a node go to its
// cache (they use that node's resources), pods without one, that name this scheduler, go
// to its queue. An object can cross from one side to the other: when a binding lands, a
// pending pod becomes an assigned one. The filter turns that update into a delete for the
// side it left and an add for the side it joined, so each side sees a consistent story:
// the queue forgets the pod, and the cache takes it in.

import APIMachinery
import Informers

extension ResourceEventHandler {
    /// A handler that passes on only the objects `filter` accepts to `handler`, turning an
    /// update that crosses the filter into the add or delete it is for that side.
    public static func filtering(
        _ filter: @escaping @Sendable (Object) -> Bool, _ handler: ResourceEventHandler<Object>
    ) -> ResourceEventHandler<Object> {
        ResourceEventHandler(
            onAdd: { object in if filter(object) { await handler.onAdd(object) } },
            onUpdate: { old, new in
                switch (filter(old), filter(new)) {
                case (true, true): await handler.onUpdate(old, new)
                case (false, true): await handler.onAdd(new)
                case (true, false): await handler.onDelete(old)
                case (false, false): break
                }
            },
            onDelete: { object in if filter(object) { await handler.onDelete(object) } })
    }
}
