// Stage 1 · ProcessRuntime: who a container's process runs as.
//
// A process-runtime container has no image, so "the image's user" is the runtime's own:
// the user the kubelet runs as. A pod may ask for another (`runAsUser`, `runAsGroup`), and
// the runtime honours it the only way a process can: by starting the container's process
// as that user (`ProcessLauncher+Credentials`). Only root may do that. A kubelet run by an
// ordinary user cannot, and then the container is refused with a message that says why,
// instead of running it silently as the wrong user.
//
// This is the only isolation the process runtime adds. The process still shares the host's
// filesystem, network, process table and hostname; a real runtime (runc, a later issue) adds
// namespaces, a root filesystem of its own, cgroups and dropped capabilities.

import CRI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessRuntime {
    /// The process runtime's one "image": the host, run as the runtime's own user.
    public func imageStatus(image: String) -> Image? {
        Image(id: image, uid: Int64(getuid()))
    }

    /// The user and group a container asks to run as, or nil when that is the runtime's own
    /// (started with `posix_spawn`); throws when the runtime is not root and cannot change it.
    static func credentials(
        for context: LinuxContainerSecurityContext?, runtimeUser: uid_t = getuid(), runtimeGroup: gid_t = getgid()
    ) throws -> ProcessLauncher.Credentials? {
        guard let context, context.runAsUser != nil || context.runAsGroup != nil else { return nil }
        for (field, id) in [("runAsUser", context.runAsUser), ("runAsGroup", context.runAsGroup)] {
            if let id, !(0...Int64(Int32.max)).contains(id) {
                throw RuntimeError.invalidArgument("\(field) \(id) is not a user or group id (0 to 2147483647)")
            }
        }
        let user = context.runAsUser.map { uid_t($0) } ?? runtimeUser
        // As runc does: without runAsGroup, a user's primary group from the "image"'s user
        // database (here the host's), else group 0.
        let group = context.runAsGroup.map { gid_t($0) }
            ?? (context.runAsUser == nil ? runtimeGroup : primaryGroup(of: user) ?? 0)
        if user == runtimeUser && group == runtimeGroup { return nil }
        guard runtimeUser == 0 else {
            throw RuntimeError.failedPrecondition(
                "the process runtime runs as uid \(runtimeUser), and only root can start a container as uid \(user) and gid \(group) "
                + "(runAsUser, runAsGroup): run the kubelet as root to honour them")
        }
        return ProcessLauncher.Credentials(user: user, group: group)
    }

    /// The primary group of `user` in the host's user database, if it has an entry.
    static func primaryGroup(of user: uid_t) -> gid_t? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(user, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.pw_gid
    }
}
