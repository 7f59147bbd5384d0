// Stage 1 · Kubelet: who a container runs as, and the non-root rule.
//
// A pod says who its processes run as in two places: the pod's `securityContext` for all
// its containers, and a container's own, which wins field by field. The kubelet merges the
// two (Kubernetes' "effective security context") and passes the user and group to the
// runtime in the container's CRI config.
//
// `runAsNonRoot: true` is a promise the kubelet checks before every start: a container
// that would run as root is not started. Either its `runAsUser` is 0, or it names none and
// the image runs as root (the kubelet asks the runtime what user the image has). The
// container then waits with `CreateContainerConfigError`, and the message is Kubernetes'.

import API
import CRI

/// The pod's and the container's security settings merged, the container's winning.
struct EffectiveSecurityContext: Equatable {
    var runAsUser: Int64?
    var runAsGroup: Int64?
    var runAsNonRoot: Bool?

    init(pod: Pod, container: Container) {
        let podContext = pod.spec.securityContext
        let own = container.securityContext
        runAsUser = own?.runAsUser ?? podContext?.runAsUser
        runAsGroup = own?.runAsGroup ?? podContext?.runAsGroup
        runAsNonRoot = own?.runAsNonRoot ?? podContext?.runAsNonRoot
    }

    /// What the runtime is told.
    var linux: LinuxContainerConfig? {
        guard runAsUser != nil || runAsGroup != nil else { return nil }
        return LinuxContainerConfig(securityContext: LinuxContainerSecurityContext(runAsUser: runAsUser, runAsGroup: runAsGroup))
    }

    /// Refuses, in Kubernetes' words, a container that must not run as root but would;
    /// `image` is what the runtime says of the container's image (nil: it does not know).
    func verifyRunAsNonRoot(pod: Pod, container: Container, image: Image?) throws {
        guard runAsNonRoot == true else { return }
        let who = "(pod: \"\(pod.metadata.name)_\(pod.metadata.namespace)(\(pod.metadata.uid))\", container: \(container.name))"
        if let runAsUser {
            if runAsUser == 0 { throw KubeletError("container's runAsUser breaks non-root policy \(who)") }
            return
        }
        if let uid = image?.uid, uid == 0 {
            throw KubeletError("container has runAsNonRoot and image will run as root \(who)")
        }
        if let image, image.uid == nil, !image.username.isEmpty {
            throw KubeletError("container has runAsNonRoot and image has non-numeric user (\(image.username)), cannot verify user is non-root \(who)")
        }
    }
}
