// Stage 1's kubelet under a hostile pod: an init container plants a link in a shared
// emptyDir, and the app container's nested mount would follow it out of the kubelet's
// root (issue 9, finding 4). The kubelet refuses, says why in the container's status, and
// creates nothing outside.

@testable import TestSupport
import API
import Foundation
import Testing

@Suite("Stage 1 escapes end to end", .serialized, .tags(.endToEnd))
struct Stage1EscapeEndToEndTests {
    @Test func aLinkAnInitContainerPlantedIsNotFollowedByTheNextContainersMount() async throws {
        let kubelet = try await RunningKubelet()
        defer { Task { await kubelet.cleanUp() } }
        let outside = kubelet.directory.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try kubelet.write("planted.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: planted
            spec:
              volumes:
                - name: shared
                  emptyDir: {}
                - name: cache
                  emptyDir: {}
              initContainers:
                - name: plant
                  image: busybox
                  command: ["ln", "-s", "\(outside.path)", "shared/link"]
                  volumeMounts: [{name: shared, mountPath: /shared}]
              containers:
                - name: app
                  image: busybox
                  command: \(kubelet.longRunningCommand)
                  volumeMounts:
                    - {name: shared, mountPath: /shared}
                    - {name: cache, mountPath: /shared/link/cache}
            """)

        let pod = try await kubelet.waitForPod("planted-node1", "to refuse its app container") {
            $0.status.containerStatuses.first?.state.waiting?.reason == "CreateContainerError"
        }
        let message = pod.status.containerStatuses.first?.state.waiting?.message ?? ""
        #expect(message.contains("/shared/link\" is a symbolic link, which the kubelet does not follow"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing was made outside the root")
        try await kubelet.interrupt()
        try await kubelet.waitForNoContainerProcess()
    }
}
