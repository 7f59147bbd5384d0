// A running pod's spec is fixed but for a few fields; tolerations may be added to.

import API
import APIServer
import Testing

@Suite struct PodUpdateTests {
    func pod(tolerating keys: [String]) -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.spec.containers = [Container(name: "main", image: "busybox")]
        pod.spec.tolerations = keys.map { key in
            var toleration = Toleration()
            toleration.key = key
            toleration.operator = .exists
            return toleration
        }
        pod.applyDefaults()
        return pod
    }

    @Test func tolerationsMayBeAddedButNotTakenAway() {
        #expect(PodStrategy.validateUpdate(pod(tolerating: ["a", "b"]), old: pod(tolerating: ["a"])).isEmpty)
        #expect(PodStrategy.validateUpdate(pod(tolerating: ["b"]), old: pod(tolerating: ["a"])).map(\.kind) == [.forbidden])
    }
}
