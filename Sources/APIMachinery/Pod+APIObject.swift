// Stage 2 · APIMachinery: pods, served as the core group's `pods`.
//
// `Pod` is stage 1's type; stage 2 ties it to its resource here, beside the protocol,
// because the API module of stage 1 knows nothing of the API server.

import API

extension Pod: APIObject {
    /// `/api/v1/namespaces/{ns}/pods`; `kubectl get po`, and one of `kubectl get all`.
    public static let resource = Resource(
        kind: "Pod", plural: "pods", scope: .namespaced, shortNames: ["po"], categories: ["all"])
}
