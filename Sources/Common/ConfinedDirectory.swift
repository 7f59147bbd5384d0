// Stage 1 · Common: paths made inside a directory that a container can write, without following its links.
//
// The kubelet and the process runtime make directories, links and files inside places a
// container can also write: an emptyDir, a configMap volume, the stand-in root of a
// container whose volumes are nested. A container can put a symbolic link there
// (`shared/link -> /`), and a path that is resolved by the operating system follows it: the
// kubelet, which runs with more rights than the container should have, would then create,
// write or delete outside its own root. Kubernetes guards against exactly this (its
// "safe subpath" code opens each component with `openat` and `O_NOFOLLOW`); so does this file.
//
// A `ConfinedDirectory` holds an open descriptor of a directory. Every path below it is
// walked one component at a time with `openat(…, O_NOFOLLOW)`: a component that is a link
// is refused, never followed, and because each step starts from the descriptor of the
// step before, swapping a directory for a link between two steps changes nothing. Only the
// starting directory is opened by its path, so it must be one the kubelet owns.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory held open by descriptor, below which nothing follows a symbolic link.
public struct ConfinedDirectory: ~Copyable {
    /// The open directory.
    private let descriptor: Int32
    /// Its path, for messages only: the descriptor, not this string, is what is used.
    public let path: String

    /// Opens a trusted directory (one the kubelet or runtime made) by its path.
    public init(path: String) throws(ConfinedPathError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system("open", path, errno) }
        self.init(descriptor: descriptor, path: path)
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The directory at `components` below this one, made (with `mode`) where missing when
    /// `create` is true; refuses any component that is a symbolic link or not a directory.
    public func directory(_ components: [String], create: Bool = false, mode: mode_t = 0o755) throws(ConfinedPathError) -> ConfinedDirectory {
        var current = try reopen()
        for component in components {
            try Self.check(component)
            let shown = current.path + "/" + component
            if create, mkdirat(current.descriptor, component, mode) != 0, errno != EEXIST {
                throw .system("mkdir", shown, errno)
            }
            let next = openat(current.descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let code = errno
                throw current.kind(of: component) == .link ? .symbolicLink(shown) : .system("open", shown, code)
            }
            current = ConfinedDirectory(descriptor: next, path: shown)
        }
        return current
    }

    /// What is at `name` in this directory, without following it.
    public func kind(of name: String) -> EntryKind {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .link
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The destination of the link `name`, or nil if `name` is not a link.
    public func linkDestination(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlinkat(descriptor, name, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Makes the link `name → destination`; a link already there with that destination is kept.
    public func makeLink(_ name: String, to destination: String) throws(ConfinedPathError) {
        try Self.check(name)
        if symlinkat(destination, descriptor, name) == 0 { return }
        let code = errno
        if code == EEXIST, linkDestination(name) == destination { return }
        if code == EEXIST { throw .occupied(path + "/" + name, kind(of: name)) }
        throw .system("symlink", path + "/" + name, code)
    }

    /// Removes `name` if it is an empty directory (never a link, nor what a link points to).
    public func removeEmptyDirectory(_ name: String) {
        _ = unlinkat(descriptor, name, AT_REMOVEDIR)
    }

    /// Removes the link or file `name` (a link itself, never what it points to); false if
    /// nothing was removed.
    @discardableResult
    public func removeEntry(_ name: String) -> Bool {
        unlinkat(descriptor, name, 0) == 0
    }

    /// Renames `name` to `newName` in this directory, in one step, replacing what was there.
    public func rename(_ name: String, to newName: String) throws(ConfinedPathError) {
        guard renameat(descriptor, name, descriptor, newName) == 0 else { throw .system("rename", path + "/" + name, errno) }
    }

    /// Writes a new regular file `name` with `mode`; refuses if anything is already there.
    public func writeNewFile(_ name: String, contents: [UInt8], mode: mode_t) throws(ConfinedPathError) {
        try Self.check(name)
        let shown = path + "/" + name
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard file >= 0 else { throw errno == EEXIST ? .occupied(shown, kind(of: name)) : .system("open", shown, errno) }
        defer { close(file) }
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
            guard count > 0 else { throw .system("write", shown, errno) }
            written += count
        }
        // The mode asked for, whatever the process's umask took away at creation.
        guard fchmod(file, mode) == 0 else { throw .system("chmod", shown, errno) }
    }

    /// The contents of the regular file `name`, or nil if it is missing, is a link, is not a
    /// regular file, or is longer than `limit` bytes: a reader of a container's files never
    /// follows a link it planted, nor reads `/dev/zero` to the end.
    public func readRegularFile(_ name: String, limit: Int) -> (contents: [UInt8], mode: mode_t)? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var contents = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = contents.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count == contents.count else { return nil }
        return (contents, info.st_mode & 0o7777)
    }

    /// The names in this directory, without `.` and `..`.
    public func names() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A second descriptor of this directory, so that a walk can start here and own its steps.
    private func reopen() throws(ConfinedPathError) -> ConfinedDirectory {
        let copy = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard copy >= 0 else { throw .system("open", path, errno) }
        return ConfinedDirectory(descriptor: copy, path: path)
    }

    /// One path component: not empty, not `.` or `..`, no `/`.
    private static func check(_ component: String) throws(ConfinedPathError) {
        guard !component.isEmpty, component != ".", component != "..", !component.contains("/") else {
            throw .invalidComponent(component)
        }
    }

    /// What a name in a directory is, seen without following it.
    public enum EntryKind: Sendable, Equatable {
        case missing, link, directory, file, other
    }
}

/// Why a path inside a confined directory could not be made or opened.
public enum ConfinedPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A component is a symbolic link, which is never followed.
    case symbolicLink(String)
    /// Something other than what was to be made is already there.
    case occupied(String, ConfinedDirectory.EntryKind)
    /// A component that names no single entry (`..`, empty, or with a slash).
    case invalidComponent(String)
    /// A system call failed.
    case system(String, String, Int32)

    public var description: String {
        switch self {
        case .symbolicLink(let path):
            return "\"\(path)\" is a symbolic link, which the kubelet does not follow inside a volume or a container's root"
        case .occupied(let path, let kind):
            return "\"\(path)\" already exists (a \(kind)) and is not replaced"
        case .invalidComponent(let component):
            return "\"\(component)\" is not a single path component"
        case .system(let call, let path, let code):
            return "\(call) \(path): \(String(cString: strerror(code)))"
        }
    }
}
