// Stage 3 · bench: the pods benchmarks create: what a Deployment's pod looks like.
//
// A list or a watch costs in proportion to the bytes of its objects, so the benchmarks'
// pods are the size of real ones (about 1.5 KB of JSON once the API server has defaulted
// them): labels and annotations as a Deployment's ReplicaSet stamps them, one container
// with ports, environment, resources, a probe and a mount, and a volume.

enum PodManifest {
    /// A pod named `name` in `default`, bound to `nodeName` when given; its container runs
    /// `command` (a long sleep, as benchmarks that start pods need).
    static func json(name: String, nodeName: String? = nil, command: [String] = ["sh", "-c", "exec sleep 3600"]) -> String {
        let commandJSON = command.map { "\"\($0)\"" }.joined(separator: ",")
        let node = nodeName.map { "\"nodeName\":\"\($0)\"," } ?? ""
        return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"\(name)","namespace":"default",\
        "labels":{"app.kubernetes.io/name":"web","app.kubernetes.io/part-of":"shop","pod-template-hash":"7d4b9c6f8d","tier":"frontend"},\
        "annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-30T10:00:00Z","prometheus.io/scrape":"true","prometheus.io/port":"9090"}},\
        "spec":{\(node)"terminationGracePeriodSeconds":5,\
        "containers":[{"name":"web","image":"registry.example.com/shop/web:1.27.3","command":[\(commandJSON)],\
        "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"},{"name":"metrics","containerPort":9090,"protocol":"TCP"}],\
        "env":[{"name":"SHOP_MODE","value":"production"},{"name":"SHOP_CACHE_SIZE","value":"256Mi"},{"name":"SHOP_REGION","value":"eu-west-1"}],\
        "resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"cpu":"500m","memory":"256Mi"}},\
        "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":10},\
        "volumeMounts":[{"name":"cache","mountPath":"/var/cache/shop"}]}],\
        "volumes":[{"name":"cache","emptyDir":{}}]}}
        """
    }
}
