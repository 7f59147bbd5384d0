import API
import APIServer
import Testing

@Suite struct PodStrategyTests {
    static func pod(image: String = "busybox:1.36") -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.metadata.namespace = "default"
        var container = Container()
        container.name = "main"
        container.image = image
        container.command = ["sleep", "3600"]
        pod.spec.containers = [container]
        return pod
    }

    @Test func aNewPodIsPendingWhateverStatusItWasSentWith() {
        var pod = Self.pod()
        pod.status.phase = .running
        pod.status.podIP = "10.0.0.1"
        PodStrategy.prepareForCreate(&pod)
        #expect(pod.status.phase == .pending)
        #expect(pod.status.podIP == "")
        #expect(pod.spec.restartPolicy == .always, "defaults are applied")
    }

    @Test func createFillsTheServerOwnedMetadata() {
        var meta = ObjectMeta()
        meta.generateName = "web-"
        meta.uid = "chosen-by-client"
        meta.prepareForCreate(now: Time(secondsSince1970: 1_700_000_000))
        #expect(meta.name.hasPrefix("web-") && meta.name.count == "web-".count + ObjectMeta.generatedNameLength)
        #expect(meta.name.dropFirst(4).allSatisfy { ObjectMeta.generatedNameAlphabet.contains($0) })
        #expect(meta.uid != "chosen-by-client" && meta.uid.count == 36)
        #expect(meta.generation == 1)
        #expect(meta.creationTimestamp == Time(secondsSince1970: 1_700_000_000))
    }

    @Test func anUpdateMayChangeAnImage() {
        let old = Self.pod()
        #expect(PodStrategy.validateUpdate(Self.pod(image: "busybox:1.37"), old: old).isEmpty)
    }

    @Test func anUpdateMayNotChangeACommand() {
        let old = Self.pod()
        var new = old
        new.spec.containers[0].command = ["sleep", "1"]
        let errors = PodStrategy.validateUpdate(new, old: old)
        #expect(errors.map(\.description) == ["spec: Forbidden: \(PodStrategy.updateForbiddenMessage)"])
    }

    @Test func anUpdateKeepsTheStatusAndAStatusUpdateKeepsTheSpec() {
        var old = Self.pod()
        old.status.phase = .running
        var update = Self.pod(image: "busybox:1.37")
        update.status.phase = .failed
        PodStrategy.prepareForUpdate(&update, old: old)
        #expect(update.status.phase == .running)

        var statusUpdate = Self.pod(image: "nginx")
        statusUpdate.status.phase = .succeeded
        PodStrategy.prepareForStatusUpdate(&statusUpdate, old: old)
        #expect(statusUpdate.spec.containers[0].image == "busybox:1.36")
        #expect(statusUpdate.status.phase == .succeeded)
    }
}
