// Stage 2 · APIMachinery: which fields of a pod a field selector may name.
//
// Kubernetes decides this per kind in two places that must agree: the field label
// conversion functions (which names a request may use; pkg/apis/core/v1/conversion.go)
// and the registry's ToSelectableFields (the values an object has for them). For pods
// the first is here and the second is `Pod.selectableFields` (FieldSelector+Pod.swift),
// beside the selector rather than in the pod strategy because the scheduler of stage 4
// selects on them too. Other kinds' strategies in the API server declare both.

extension FieldSelector {
    /// The fields a pod list may be filtered by.
    public static let podFieldNames: Set<String> = [
        "metadata.name", "metadata.namespace", "spec.nodeName", "spec.restartPolicy",
        "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
        "status.phase", "status.podIP", "status.nominatedNodeName",
    ]

    /// Old names pods still accept: clients of the first v1 releases sent `spec.host`.
    public static let podFieldAliases: [String: String] = ["spec.host": "spec.nodeName"]
}
