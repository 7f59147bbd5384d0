// Stage 1 · API: the checks a pod must pass before anything runs it.
//
// Kubernetes validates every object before accepting it (`pkg/apis/core/validation`),
// and reports *every* problem at once, each as a `FieldError` with the field's path.
// The kubelet of stage 1 validates static pods with these checks; the API server of
// stage 2 runs the same ones on every create and adds the rules for updates.

import Foundation

/// Validates pods as Kubernetes' `ValidatePodCreate` does, for the fields this series models.
public enum PodValidation {
    /// The lowest and highest port numbers.
    public static let portRange: ClosedRange<Int32> = 1...65535
    /// The seconds `activeDeadlineSeconds` may hold: at least one, at most Go's largest int32.
    public static let activeDeadlineRange: ClosedRange<Int64> = 1...Int64(Int32.max)

    /// Every problem with `pod`; empty when it is valid.
    public static func validate(_ pod: Pod) -> [FieldError] {
        var errors: [FieldError] = []
        let name = pod.metadata.name
        if name.isEmpty && pod.metadata.generateName.isEmpty {
            errors.append(FieldError(.required, "metadata.name", "name or generateName is required"))
        } else if !name.isEmpty {
            errors += NameValidation.subdomain(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
        }
        errors += LabelValidation.validate(labels: pod.metadata.labels, path: "metadata.labels")
        errors += LabelValidation.validate(annotations: pod.metadata.annotations, path: "metadata.annotations")
        errors += validate(pod.spec, path: "spec")
        return errors
    }

    /// Every problem with a pod's spec, under the field path `path`.
    public static func validate(_ spec: PodSpec, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var volumeNames = Set<String>()
        for (index, volume) in spec.volumes.enumerated() {
            let field = "\(path).volumes[\(index)]"
            if volume.name.isEmpty {
                errors.append(FieldError(.required, "\(field).name"))
            } else {
                errors += NameValidation.label(volume.name).map { FieldError(.invalid, "\(field).name", value: volume.name, $0) }
                if !volumeNames.insert(volume.name).inserted {
                    errors.append(FieldError(.duplicate, "\(field).name", value: volume.name))
                }
            }
            if volume.source.memberCount > 1 {
                errors.append(FieldError(.forbidden, field, "may not specify more than 1 volume type"))
            }
            if let hostPath = volume.source.hostPath, hostPath.path.isEmpty {
                errors.append(FieldError(.required, "\(field).hostPath.path"))
            }
            errors += validateFileSource(volume.source, path: field)
        }
        if spec.containers.isEmpty {
            errors.append(FieldError(.required, "\(path).containers"))
        }
        var containerNames = Set<String>()
        let groups = [("initContainers", spec.initContainers), ("containers", spec.containers)]
        for (group, containers) in groups {
            for (index, container) in containers.enumerated() {
                let field = "\(path).\(group)[\(index)]"
                if !container.name.isEmpty && !containerNames.insert(container.name).inserted {
                    errors.append(FieldError(.duplicate, "\(field).name", value: container.name))
                }
                errors += validate(container, path: field, volumes: volumeNames)
            }
        }
        if let deadline = spec.activeDeadlineSeconds, !activeDeadlineRange.contains(deadline) {
            errors.append(FieldError(.invalid, "\(path).activeDeadlineSeconds", number: deadline,
                                     "must be between \(activeDeadlineRange.lowerBound) and \(activeDeadlineRange.upperBound), inclusive"))
        }
        errors += SchedulingValidation.validate(spec, path: path)
        if let grace = spec.terminationGracePeriodSeconds, grace < 0 {
            errors.append(FieldError(.invalid, "\(path).terminationGracePeriodSeconds", number: grace, "must be greater than or equal to 0"))
        }
        return errors
    }

    /// Every problem with one container, under `path`; `volumes` are the pod's volume names.
    static func validate(_ container: Container, path: String, volumes: Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        if container.name.isEmpty {
            errors.append(FieldError(.required, "\(path).name"))
        } else {
            errors += NameValidation.label(container.name).map { FieldError(.invalid, "\(path).name", value: container.name, $0) }
        }
        if container.image.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(.required, "\(path).image"))
        }
        var portNames = Set<String>()
        for (index, port) in container.ports.enumerated() {
            let field = "\(path).ports[\(index)]"
            // Kubernetes reports a missing port (0) as required, and only then checks the range.
            if port.containerPort == 0 {
                errors.append(FieldError(.required, "\(field).containerPort"))
            } else if !portRange.contains(port.containerPort) {
                errors.append(FieldError(.invalid, "\(field).containerPort", number: port.containerPort, "must be between 1 and 65535, inclusive"))
            }
            if port.hostPort != 0 && !portRange.contains(port.hostPort) {
                errors.append(FieldError(.invalid, "\(field).hostPort", number: port.hostPort, "must be between 1 and 65535, inclusive"))
            }
            if !port.name.isEmpty {
                errors += NameValidation.portName(port.name).map { FieldError(.invalid, "\(field).name", value: port.name, $0) }
                if !portNames.insert(port.name).inserted {
                    errors.append(FieldError(.duplicate, "\(field).name", value: port.name))
                }
            }
        }
        for (index, variable) in container.env.enumerated() where variable.name.isEmpty || variable.name.contains("=") {
            errors.append(variable.name.isEmpty
                ? FieldError(.required, "\(path).env[\(index)].name")
                : FieldError(.invalid, "\(path).env[\(index)].name", value: variable.name, "a valid environment variable name must not contain '='"))
        }
        errors += validateEnvSources(container, path: path)
        for (index, mount) in container.volumeMounts.enumerated() {
            let field = "\(path).volumeMounts[\(index)]"
            if mount.name.isEmpty {
                errors.append(FieldError(.required, "\(field).name"))
            } else if !volumes.contains(mount.name) {
                errors.append(FieldError(.notFound, "\(field).name", value: mount.name))
            }
            if mount.mountPath.isEmpty {
                errors.append(FieldError(.required, "\(field).mountPath"))
            }
            // Kubernetes' `validateLocalDescendingPath`: a subPath stays inside its volume.
            if mount.subPath.hasPrefix("/") {
                errors.append(FieldError(.invalid, "\(field).subPath", value: mount.subPath, "must be a relative path"))
            }
            if mount.subPath.split(separator: "/").contains("..") {
                errors.append(FieldError(.invalid, "\(field).subPath", value: mount.subPath, "must not contain '..'"))
            }
        }
        for (name, request) in container.resources.requests.sorted(by: { $0.key < $1.key }) {
            // A request above its limit could never be honoured.
            if let limit = container.resources.limits[name], request > limit {
                errors.append(FieldError(.invalid, "\(path).resources.requests[\(name)]", value: request.written,
                                         "must be less than or equal to \(name) limit of \(limit.written)"))
            }
        }
        let probes = [("livenessProbe", container.livenessProbe), ("readinessProbe", container.readinessProbe)]
        for (name, probe) in probes {
            guard let probe else { continue }
            let handlers = (probe.handler.exec == nil ? 0 : 1) + (probe.handler.httpGet == nil ? 0 : 1) + (probe.handler.tcpSocket == nil ? 0 : 1)
            if handlers == 0 {
                errors.append(FieldError(.required, "\(path).\(name)", "must specify a handler type"))
            } else if handlers > 1 {
                errors.append(FieldError(.forbidden, "\(path).\(name)", "may not specify more than 1 handler type"))
            }
        }
        return errors
    }
}
