// Stage 4 · Scheduler: what each change in the cluster does to the cache and the queue.
//
// One pod informer feeds two sides (kube-scheduler's `addAllEventHandlers`):
//
//   pods with a node           → the cache: they use their node's cpu, memory, ports…
//                                A deleted one frees room, so pods that did not fit are
//                                moved back to be tried again (AssignedPodDelete).
//   pods without one, for us   → the queue: added, updated, or forgotten when deleted;
//                                a pod with scheduling gates only once they are removed.
//   nodes                      → the cache; a new node, or one whose labels, taints,
//                                allocatable or cordon changed, may fit pods that did not
//                                fit before, so those move back too (NodeAdd, NodeUpdate).
//
// This is why the scheduler needs no polling loop: a pod waits until the cluster changes
// in a way that might matter to it, and is retried then.

import API
import ClusterKinds
import Informers
import SchedulerFramework

extension Scheduler {
    /// Registers the handlers on the pod and node informers.
    func addEventHandlers(pods: SharedInformer<Pod>, nodes: SharedInformer<Node>) async {
        let (cache, queue, schedulerName) = (cache, queue, configuration.schedulerName)
        await pods.addEventHandler(.filtering({ !$0.spec.nodeName.isEmpty }, ResourceEventHandler(
            onAdd: { pod in
                await cache.addPod(pod)
                await queue.moveAllToActiveOrBackoffQueue(.assignedPodAdd)
            },
            onUpdate: { old, new in
                await cache.updatePod(old: old, new: new)
                await queue.moveAllToActiveOrBackoffQueue(.assignedPodUpdate)
            },
            onDelete: { pod in
                await cache.removePod(pod)
                await queue.moveAllToActiveOrBackoffQueue(.assignedPodDelete)
            })))
        // A pod with scheduling gates is held back until its author removes them (that
        // update crosses the filter and adds it); Kubernetes' SchedulingGates plugin.
        await pods.addEventHandler(.filtering({ pod in
            pod.spec.nodeName.isEmpty && pod.spec.schedulerName == schedulerName && pod.spec.schedulingGates.isEmpty
        },
                                              ResourceEventHandler(
            onAdd: { pod in await queue.add(pod) },
            onUpdate: { old, new in
                // A resync re-delivers what did not change; and a pod this scheduler has
                // assumed is already decided, whatever the informer says until its
                // binding lands (kube-scheduler's skipPodUpdate).
                guard old.metadata.resourceVersion != new.metadata.resourceVersion else { return }
                guard !(await cache.isAssumedPod(new)) else { return }
                await queue.update(old: old, new: new)
            },
            onDelete: { pod in await queue.delete(pod) })))
        await nodes.addEventHandler(ResourceEventHandler(
            onAdd: { node in
                await cache.addNode(node)
                await queue.moveAllToActiveOrBackoffQueue(.nodeAdd)
            },
            onUpdate: { old, new in
                await cache.updateNode(new)
                for event in ClusterEvent.nodeUpdates(old: old, new: new) {
                    await queue.moveAllToActiveOrBackoffQueue(event)
                }
            },
            onDelete: { node in await cache.removeNode(node) }))
    }
}
