// Stage 2 · APIMachinery: which build of Kubernetes a server is (apimachinery `version.Info`).
//
// `GET /version` answers with this, and `kubectl version` prints it as "Server
// Version". kubectl also compares it with its own version and warns when they are
// more than one minor apart, so the API server reports a Kubernetes version it is
// compatible with rather than the series' own. The object has no kind or apiVersion.
// The four `emulation…`/`minCompatibility…` fields (1.31+) are `omitempty`; the rest
// are always written.

import API

/// The server's version; served by the API server at `/version`, read by
/// `kubectl version` and the Python client's `VersionApi`.
public struct VersionInfo: Sendable, Hashable {
    /// The major version, such as `1`.
    public var major: String
    /// The minor version, such as `30`.
    public var minor: String
    /// The major version being emulated, when it differs from the binary's.
    public var emulationMajor: String
    /// The minor version being emulated.
    public var emulationMinor: String
    /// The oldest major version this server stays compatible with.
    public var minCompatibilityMajor: String
    /// The oldest minor version this server stays compatible with.
    public var minCompatibilityMinor: String
    /// The full version, such as `v1.30.0`.
    public var gitVersion: String
    /// The commit the server was built from.
    public var gitCommit: String
    /// `clean` or `dirty`.
    public var gitTreeState: String
    /// When the server was built, RFC 3339.
    public var buildDate: String
    /// The Go version Kubernetes was built with; here, the Swift version.
    public var goVersion: String
    /// The compiler, `gc` for Kubernetes.
    public var compiler: String
    /// `os/arch`, such as `linux/amd64`.
    public var platform: String

    /// Makes version info; every field defaults to "".
    public init(
        major: String = "", minor: String = "", emulationMajor: String = "", emulationMinor: String = "",
        minCompatibilityMajor: String = "", minCompatibilityMinor: String = "", gitVersion: String = "",
        gitCommit: String = "", gitTreeState: String = "", buildDate: String = "", goVersion: String = "",
        compiler: String = "", platform: String = ""
    ) {
        self.major = major
        self.minor = minor
        self.emulationMajor = emulationMajor
        self.emulationMinor = emulationMinor
        self.minCompatibilityMajor = minCompatibilityMajor
        self.minCompatibilityMinor = minCompatibilityMinor
        self.gitVersion = gitVersion
        self.gitCommit = gitCommit
        self.gitTreeState = gitTreeState
        self.buildDate = buildDate
        self.goVersion = goVersion
        self.compiler = compiler
        self.platform = platform
    }
}

extension VersionInfo: APIFields {
    public static let zero = VersionInfo()
    public static let fields: [JSONField<VersionInfo>] = [
        .always("major", \.major),
        .always("minor", \.minor),
        .omitEmpty("emulationMajor", \.emulationMajor),
        .omitEmpty("emulationMinor", \.emulationMinor),
        .omitEmpty("minCompatibilityMajor", \.minCompatibilityMajor),
        .omitEmpty("minCompatibilityMinor", \.minCompatibilityMinor),
        .always("gitVersion", \.gitVersion),
        .always("gitCommit", \.gitCommit),
        .always("gitTreeState", \.gitTreeState),
        .always("buildDate", \.buildDate),
        .always("goVersion", \.goVersion),
        .always("compiler", \.compiler),
        .always("platform", \.platform),
    ]
}
