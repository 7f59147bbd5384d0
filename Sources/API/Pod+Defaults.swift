// Stage 1 · API: the values Kubernetes fills in when a pod leaves them out.
//
// A manifest says only what its author cares about; Kubernetes fills in the rest with
// defaults (`pkg/apis/core/v1/defaults.go`) before anything else looks at the pod. That
// is why `kubectl get pod -o yaml` shows `restartPolicy: Always` and
// `terminationGracePeriodSeconds: 30` on a pod whose manifest had neither. The kubelet
// of stage 1 defaults its static pods; the API server of stage 2 defaults every pod it
// is given.

extension Pod {
    /// Fills in every field Kubernetes defaults, leaving fields that were set alone.
    public mutating func applyDefaults() {
        if apiVersion.isEmpty { apiVersion = "v1" }
        if kind.isEmpty { kind = "Pod" }
        spec.applyDefaults()
        // A limit without a request requests the limit (Kubernetes' `SetDefaults_Pod`; a
        // pod template is left as written, so only pods get this).
        for index in spec.initContainers.indices { spec.initContainers[index].resources.requestLimits() }
        for index in spec.containers.indices { spec.containers[index].resources.requestLimits() }
    }
}

extension PodSpec {
    /// Kubernetes' `SetDefaults_PodSpec`, and the defaults of everything a spec holds.
    public mutating func applyDefaults() {
        if restartPolicy == nil { restartPolicy = .always }
        if terminationGracePeriodSeconds == nil { terminationGracePeriodSeconds = 30 }
        if dnsPolicy == nil { dnsPolicy = .clusterFirst }
        if schedulerName.isEmpty { schedulerName = "default-scheduler" }
        if enableServiceLinks == nil { enableServiceLinks = true }
        // Always stored, `{}` when unset: clients such as `kubectl debug` read it unchecked.
        if securityContext == nil { securityContext = PodSecurityContext() }
        for index in volumes.indices where volumes[index].source == VolumeSource() {
            // A volume that names no source is an emptyDir.
            volumes[index].source.emptyDir = EmptyDirVolumeSource()
        }
        for index in volumes.indices { volumes[index].source.applyFileDefaults() }
        for index in volumes.indices where volumes[index].source.hostPath != nil {
            if volumes[index].source.hostPath?.type == nil { volumes[index].source.hostPath?.type = .unset }
        }
        for index in initContainers.indices { initContainers[index].applyDefaults() }
        for index in containers.indices { containers[index].applyDefaults() }
    }
}

extension Container {
    /// Kubernetes' `SetDefaults_Container` and the defaults of ports and probes.
    public mutating func applyDefaults() {
        if imagePullPolicy == nil {
            // An image without a tag, or tagged `latest`, may change: pull it every time.
            let lastPart = image.split(separator: "/").last.map(String.init) ?? image
            let tag = lastPart.contains(":") ? lastPart.split(separator: ":").last.map(String.init) : nil
            imagePullPolicy = (tag == nil || tag == "latest") && !image.contains("@") ? .always : .ifNotPresent
        }
        if terminationMessagePath.isEmpty { terminationMessagePath = "/dev/termination-log" }
        if terminationMessagePolicy == nil { terminationMessagePolicy = .file }
        for index in ports.indices where ports[index].protocol == nil {
            ports[index].protocol = .tcp
        }
        for index in env.indices { env[index].valueFrom?.applyDefaults() }
        livenessProbe?.applyDefaults()
        readinessProbe?.applyDefaults()
        startupProbe?.applyDefaults()
    }
}

extension ResourceRequirements {
    /// Requests every limited resource that has no request at its limit.
    mutating func requestLimits() {
        for (name, limit) in limits where requests[name] == nil { requests[name] = limit }
    }
}

extension Probe {
    /// Kubernetes' `SetDefaults_Probe` and `SetDefaults_HTTPGetAction`.
    public mutating func applyDefaults() {
        if timeoutSeconds == 0 { timeoutSeconds = Probe.defaultTimeoutSeconds }
        if periodSeconds == 0 { periodSeconds = Probe.defaultPeriodSeconds }
        if successThreshold == 0 { successThreshold = Probe.defaultSuccessThreshold }
        if failureThreshold == 0 { failureThreshold = Probe.defaultFailureThreshold }
        if handler.httpGet != nil {
            if handler.httpGet?.path.isEmpty == true { handler.httpGet?.path = "/" }
            if handler.httpGet?.scheme == nil { handler.httpGet?.scheme = .http }
        }
    }
}
