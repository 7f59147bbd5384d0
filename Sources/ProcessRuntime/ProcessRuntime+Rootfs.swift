// Stage 1 · ProcessRuntime: the stand-in root directory of a process-runtime container.
//
// See `ProcessRuntime.swift` for why it exists. Paths from the pod spec (`workingDir`, each
// mount's `mountPath`) are absolute inside the container; here they are resolved inside
// `<root>/containers/<id>/rootfs`. A path with a `..` component is refused: it could point
// outside the directory, which a real container's root would never allow either.

import CRI
import Common
import Foundation

extension ProcessRuntime {
    /// Creates the stand-in root, one symbolic link per mount and the working directory, and
    /// returns the working directory's host path; `createContainer` calls it.
    static func prepareRootfs(_ rootfs: String, mounts: [Mount], workingDir: String) throws -> String {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: rootfs, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.internalError("cannot create the container's directory \(rootfs): \(error)")
        }
        // Mounts first, so that a working directory inside a volume is made in the volume.
        for mount in mounts {
            guard !mount.hostPath.isEmpty else {
                throw RuntimeError.invalidArgument("the mount at \"\(mount.containerPath)\" has no host path")
            }
            let link = try resolve(mount.containerPath, in: rootfs, what: "mount path")
            guard link != rootfs else {
                throw RuntimeError.invalidArgument("the process runtime cannot mount a volume at \"/\"")
            }
            do {
                try files.createDirectory(atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try files.createSymbolicLink(atPath: link, withDestinationPath: mount.hostPath)
            } catch {
                throw RuntimeError.internalError("cannot link \(mount.containerPath) to \(mount.hostPath): \(error)")
            }
        }
        guard !workingDir.isEmpty else { return rootfs }
        let directory = try resolve(workingDir, in: rootfs, what: "working directory")
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.internalError("cannot create the working directory \(workingDir): \(error)")
        }
        return directory
    }

    /// The host path of an absolute container path: `/data/x` → `<rootfs>/data/x`.
    static func resolve(_ path: String, in rootfs: String, what: String) throws -> String {
        guard path.hasPrefix("/") else {
            throw RuntimeError.invalidArgument("\(what) \"\(path)\" is not an absolute path")
        }
        let components = path.split(separator: "/").filter { $0 != "." }
        guard !components.contains("..") else {
            throw RuntimeError.invalidArgument("\(what) \"\(path)\" must not contain \"..\"")
        }
        return components.isEmpty ? rootfs : rootfs + "/" + components.joined(separator: "/")
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
