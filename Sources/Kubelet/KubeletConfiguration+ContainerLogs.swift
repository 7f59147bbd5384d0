// Stage 1 · Kubelet: the settings of container log rotation, as Kubernetes' kubelet takes them.
//
// `--container-log-max-size` is a quantity (`10Mi`, `500Ki`, `1G`): the size at which a
// container's log is rotated. `--container-log-max-files` is how many files a container's
// log may have, the current one included. Kubernetes' kubelet refuses fewer than 2 files
// (the current file and the one just rotated are both needed while a reader finishes the
// old one). The kubelet does not rotate itself here: the composition root hands these
// numbers to the runtime, whose log writer rotates between two entries
// (`ContainerLogRotation` in the process runtime).

import API

extension KubeletConfiguration {
    /// `--container-log-max-size`'s text as bytes, and `--container-log-max-files` checked,
    /// or what is wrong with them, in the words of Kubernetes' kubelet.
    public static func containerLogRotation(maxSize text: String, maxFiles: Int) throws -> (maxSize: Int, maxFiles: Int) {
        let quantity: Quantity
        do {
            quantity = try Quantity(parsing: text)
        } catch {
            throw KubeletError("failed to parse container log max size \"\(text)\": \(error)")
        }
        guard maxFiles >= 2 else {
            throw KubeletError("invalid configuration: containerLogMaxFiles must be greater than 1")
        }
        return (Int(quantity.value), maxFiles)
    }
}

extension KubeletConfiguration.Defaults {
    /// Kubernetes' `containerLogMaxSize`.
    public static let containerLogMaxSize = "10Mi"
    /// Kubernetes' `containerLogMaxFiles`.
    public static let containerLogMaxFiles = 5
}
