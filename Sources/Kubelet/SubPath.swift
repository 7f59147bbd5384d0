// Stage 1 · Kubelet: mounting a path inside a volume (`volumeMounts[].subPath`).
//
// `subPath: logs/web` mounts one directory (or file) of a volume instead of its root,
// which lets several containers share one volume without seeing each other's files. The
// kubelet creates the directory if it is missing. It is also the classic way out of a
// volume: a container that can write the volume can make `logs` a link to `/`, and a
// kubelet that resolves the path naively then hands the next container the node's root.
// (Kubernetes fixed exactly this, CVE-2017-1002101.) So, as Kubernetes does:
//
// - links already in the path are resolved, and the result must still be inside the
//   volume: a configMap volume's own `..data` links are fine, `logs -> /` is not;
// - missing directories are made one component at a time without following links
//   (`ConfinedDirectory`), so a link swapped in meanwhile is refused, not followed;
// - the mount then points at the resolved path, which names no link a container made.
//
// The errors are Kubernetes' own, which on purpose say nothing about the node's files.

import Common
import Foundation

/// Resolves a volume mount's `subPath` to the host path the container sees.
enum SubPath {
    /// The host path of `subPath` inside the volume at `volume`, made if it is missing.
    static func hostPath(of subPath: String, in volume: String, mountName: String, container: String) throws -> String {
        let cannotCreate = KubeletError("failed to create subPath directory for volumeMount \"\(mountName)\" of container \"\(container)\"")
        let cannotPrepare = KubeletError("failed to prepare subPath for volumeMount \"\(mountName)\" of container \"\(container)\"")
        let components = subPath.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !subPath.hasPrefix("/"), !components.contains(".."), let base = realPath(volume) else { throw cannotPrepare }

        // The longest prefix that exists, resolved; it must not lead out of the volume.
        var existing = 0
        while existing < components.count,
              FileManager.default.fileExists(atPath: volume + "/" + components[...existing].joined(separator: "/")) {
            existing += 1
        }
        let prefix = ([volume] + components[..<existing]).joined(separator: "/")
        guard let resolved = realPath(prefix), isInside(resolved, base) else { throw cannotCreate }
        if existing < components.count {
            do {
                _ = try ConfinedDirectory(path: resolved).directory(Array(components[existing...]), create: true, mode: 0o777)
            } catch {
                throw cannotCreate
            }
        }
        guard let final = realPath(([volume] + components).joined(separator: "/")), isInside(final, base) else { throw cannotPrepare }
        return final
    }

    /// The path with every link resolved, or nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, _ base: String) -> Bool {
        path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
