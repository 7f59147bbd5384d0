// Stage 1 · ProcessRuntime: the posix_spawn extensions Swift cannot always call directly.
//
// Changing directory in a spawned child was long a non-portable extension,
// `posix_spawn_file_actions_addchdir_np`; POSIX 2024 standardised it without the `_np`, and
// newer C libraries offer that name (recent macOS SDKs mark the old one deprecated). glibc
// declares its `_np` functions only under `_GNU_SOURCE`, which Swift's Glibc module does not
// define, and this package has no C target to declare them in. So the functions are looked up
// by name in the C library with `dlsym`, the standard name first, and called through a C
// function pointer of the declared signature: one way that works on Linux and macOS, with no
// compile-time dependence on which names a given SDK declares or deprecates.
//
// Closing inherited descriptors is `posix_spawn_file_actions_addclosefrom_np` on Linux
// (glibc ≥ 2.34); macOS has a spawn flag for it instead (POSIX_SPAWN_CLOEXEC_DEFAULT).

#if canImport(Glibc)
import CRI
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls the posix_spawn file actions `ProcessLauncher` needs that Swift cannot name portably.
enum SpawnShims {
    #if canImport(Darwin)
    /// The file-actions type as Swift imports it: an opaque pointer on Darwin.
    typealias FileActions = posix_spawn_file_actions_t?
    /// `RTLD_DEFAULT`, "search every loaded library": `(void *)-2` on Darwin.
    private static var everyLibrary: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: -2) }
    #else
    /// The file-actions type as Swift imports it: a struct on Linux.
    typealias FileActions = posix_spawn_file_actions_t
    /// `RTLD_DEFAULT`, "search every loaded library": the null handle in glibc.
    private static var everyLibrary: UnsafeMutableRawPointer? { nil }
    #endif

    /// `int posix_spawn_file_actions_addchdir(posix_spawn_file_actions_t *, const char *)`.
    private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<FileActions>, UnsafePointer<CChar>) -> Int32
    /// `int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int)`.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<FileActions>, Int32) -> Int32

    /// Adds "change directory to `path`" to the child's file actions; ENOSYS when the C library
    /// has neither name (glibc older than 2.29).
    static func addChangeDirectory(_ actions: inout FileActions, _ path: String) -> Int32 {
        guard let address = dlsym(everyLibrary, "posix_spawn_file_actions_addchdir")
            ?? dlsym(everyLibrary, "posix_spawn_file_actions_addchdir_np") else { return ENOSYS }
        // Safe: both names are the C library's function with exactly this C signature.
        let function = unsafeBitCast(address, to: AddChangeDirectory.self)
        return function(&actions, path)
    }

    /// Adds "close every descriptor from `lowest` up" to the child's file actions. On a C
    /// library without it, it does nothing: the child may then inherit descriptors the parent
    /// opened without close-on-exec, which is untidy but not wrong.
    static func addCloseFrom(_ actions: inout FileActions, _ lowest: Int32) -> Int32 {
        guard let address = dlsym(everyLibrary, "posix_spawn_file_actions_addclosefrom_np") else { return 0 }
        // Safe: the symbol is the C library's function with exactly this C signature.
        let function = unsafeBitCast(address, to: AddCloseFrom.self)
        return function(&actions, lowest)
    }
}
