// Stage 1 · ProcessRuntime: the stand-in root directory of a process-runtime container.
//
// See `ProcessRuntime.swift` for why it exists. Paths from the pod spec (`workingDir`, each
// mount's `mountPath`) are absolute inside the container; here they are resolved inside
// `<root>/containers/<id>/rootfs`. A path with a `..` component is refused: it could point
// outside the directory, which a real container's root would never allow either.
//
// A mount is a symbolic link from the stand-in root to the volume's directory. A mount or
// working directory nested inside another mount (`/shared/cache` inside the volume at
// `/shared`) is made inside that volume, which a container may have written to before: an
// init container can leave `shared/cache -> /etc` there. So the path is split at the
// deepest mount it passes through, and the rest is walked inside that volume with
// `ConfinedDirectory`, which never follows a link: the runtime refuses, with a message
// naming the link, instead of creating anything outside the volume.

import CRI
import Common
import Foundation

extension ProcessRuntime {
    /// Creates the stand-in root, one symbolic link per mount and the working directory, and
    /// returns the working directory's host path; `createContainer` calls it.
    static func prepareRootfs(_ rootfs: String, mounts: [Mount], workingDir: String) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: rootfs, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.internalError("cannot create the container's directory \(rootfs): \(error)")
        }
        // Shallowest first, so that a mount nested in another is made inside that volume.
        var linked: [(components: [String], hostPath: String)] = []
        let ordered = try mounts.map { mount in (mount, try pathComponents(of: mount.containerPath, what: "mount path")) }
            .sorted { $0.1.count < $1.1.count }
        for (mount, components) in ordered {
            guard !mount.hostPath.isEmpty else {
                throw RuntimeError.invalidArgument("the mount at \"\(mount.containerPath)\" has no host path")
            }
            guard let name = components.last else {
                throw RuntimeError.invalidArgument("the process runtime cannot mount a volume at \"/\"")
            }
            let (base, rest) = split(components.dropLast(), rootfs: rootfs, linked: linked)
            do {
                let parent = try ConfinedDirectory(path: base).directory(rest, create: true)
                // An empty directory where a nested mount goes is mounted over, as a real
                // mount would be; anything else there is refused by `makeLink`.
                parent.removeEmptyDirectory(name)
                try parent.makeLink(name, to: mount.hostPath)
            } catch {
                throw RuntimeError.invalidArgument("cannot mount \(mount.hostPath) at \"\(mount.containerPath)\": \(error)")
            }
            linked.append((components, mount.hostPath))
        }
        guard !workingDir.isEmpty else { return rootfs }
        let components = try pathComponents(of: workingDir, what: "working directory")
        let (base, rest) = split(components[...], rootfs: rootfs, linked: linked)
        do {
            _ = try ConfinedDirectory(path: base).directory(rest, create: true)
        } catch {
            throw RuntimeError.invalidArgument("cannot create the working directory \"\(workingDir)\": \(error)")
        }
        return rest.isEmpty ? base : base + "/" + rest.joined(separator: "/")
    }

    /// The components of an absolute container path: `/data/./x` → `["data", "x"]`.
    static func pathComponents(of path: String, what: String) throws -> [String] {
        guard path.hasPrefix("/") else {
            throw RuntimeError.invalidArgument("\(what) \"\(path)\" is not an absolute path")
        }
        let components = path.split(separator: "/").filter { $0 != "." }.map(String.init)
        guard !components.contains("..") else {
            throw RuntimeError.invalidArgument("\(what) \"\(path)\" must not contain \"..\"")
        }
        return components
    }

    /// Where a container path starts on the host: the deepest mount it passes through (the
    /// volume's directory, trusted) or the stand-in root, and the components below it.
    private static func split(
        _ components: ArraySlice<String>, rootfs: String, linked: [(components: [String], hostPath: String)]
    ) -> (base: String, rest: [String]) {
        let deepest = linked
            .filter { $0.components.count <= components.count && Array(components.prefix($0.components.count)) == $0.components }
            .max { $0.components.count < $1.components.count }
        guard let deepest else { return (rootfs, Array(components)) }
        return (deepest.hostPath, Array(components.dropFirst(deepest.components.count)))
    }

    /// Checks, just before a start, that the working directory still exists (a volume behind
    /// it may have gone); the error reads like runc's.
    static func checkWorkingDirectory(_ directory: String, as shown: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            let name = shown.isEmpty ? "/" : shown
            throw RuntimeError.failedToStart("chdir to cwd (\"\(name)\") set in config.json failed: no such file or directory")
        }
    }
}
