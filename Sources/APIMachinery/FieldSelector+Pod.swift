// Stage 2 · APIMachinery: a pod's selectable fields.
//
// What `fieldSelector=spec.nodeName=node-1` compares against for a pod (Kubernetes'
// pod registry ToSelectableFields). The kubelet of stage 2 lists its pods this way, and
// the scheduler of stage 4 watches `spec.nodeName=` for pods still to place. (This
// extension of `Pod` sits with the field selector because it exists for it.)

import API

extension Pod {
    /// The pod's values for every name in `FieldSelector.podFieldNames`; unset fields
    /// are "", booleans are "true" or "false".
    public var selectableFields: [String: String] {
        [
            "metadata.name": metadata.name,
            "metadata.namespace": metadata.namespace,
            "spec.nodeName": spec.nodeName,
            "spec.restartPolicy": spec.restartPolicy?.rawValue ?? "",
            "spec.schedulerName": spec.schedulerName,
            "spec.serviceAccountName": spec.serviceAccountName,
            "spec.hostNetwork": spec.hostNetwork ? "true" : "false",
            "status.phase": status.phase?.rawValue ?? "",
            // Kubernetes reads the first of podIPs, which the kubelet keeps in step
            // with podIP.
            "status.podIP": status.podIPs.first?.ip ?? status.podIP,
            // Stage 4 > preemption sets a pod's nominated node (always "" before stage 4), so the selector reads it
            "status.nominatedNodeName": status.nominatedNodeName,
            // Stage 4 <
        ]
    }
}
