// Stage 1 · Common: command-line flags, parsed the way Kubernetes components take them.
//
// Every stage binary runs one component per subcommand (`stage1 kubelet --port 10255`).
// Kubernetes' components take `--name value` or `--name=value` flags; so do ours. A
// component declares its flags once, as a list of `Flag`s with defaults and help text,
// and this type parses, validates and prints `--help` from that one list, so the help
// a learner reads can never drift from what the binary accepts.

/// One flag a component accepts: its name, a default, and a line of help.
public struct Flag: Sendable {
    /// The name without dashes, as in `--file-check-frequency`.
    public let name: String
    /// The placeholder shown in help (`DIR`, `N`, `DURATION`); empty for a switch.
    public let valueName: String
    /// The value used when the flag is not given; nil when there is none.
    public let defaultValue: String?
    /// One line saying what the flag changes.
    public let help: String

    /// Declares a flag that takes a value.
    public init(_ name: String, _ valueName: String, default defaultValue: String? = nil, help: String) {
        self.name = name
        self.valueName = valueName
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Declares an on/off flag (`--follow`), false unless given.
    public static func `switch`(_ name: String, help: String) -> Flag {
        Flag(name, "", default: nil, help: help)
    }

    /// True for an on/off flag, which takes no value.
    public var isSwitch: Bool { valueName.isEmpty }
}

/// A mistake on the command line, described so that the user can fix it.
public struct CommandLineError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The flags and positional arguments of one command line, checked against a flag list.
public struct ParsedFlags: Sendable {
    private var values: [String: String]
    private let flags: [Flag]
    /// Arguments that are not flags, in order (`stage1 yaml FILE` has one).
    public private(set) var positional: [String]
    /// True when `--help` or `-h` was given.
    public private(set) var wantsHelp = false

    /// Parses `arguments` against `flags`; unknown flags and missing values are errors.
    public init(_ arguments: some Sequence<String>, flags: [Flag]) throws(CommandLineError) {
        self.flags = flags
        self.values = [:]
        self.positional = []
        var rest = Array(arguments)[...]
        while let argument = rest.popFirst() {
            if argument == "--help" || argument == "-h" { wantsHelp = true; continue }
            guard argument.hasPrefix("-"), argument != "-" else { positional.append(argument); continue }
            var name = String(argument.drop { $0 == "-" })
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let flag = flags.first(where: { $0.name == name }) else {
                throw CommandLineError("unknown flag --\(name)")
            }
            if flag.isSwitch {
                values[name] = value ?? "true"
            } else {
                guard let given = value ?? rest.popFirst() else {
                    throw CommandLineError("flag --\(name) needs a value (\(flag.valueName))")
                }
                values[name] = given
            }
        }
    }

    /// The flag's value as given, or its default.
    public func string(_ name: String) -> String? {
        values[name] ?? flags.first { $0.name == name }?.defaultValue
    }

    /// True when the switch was given (`--follow` or `--follow=true`).
    public func isSet(_ name: String) -> Bool {
        values[name].map { $0 == "true" } ?? false
    }

    /// True when the user gave the flag explicitly, rather than relying on its default.
    public func wasGiven(_ name: String) -> Bool { values[name] != nil }

    /// The flag's value as an integer; an error names the flag when it is not one.
    public func int(_ name: String) throws(CommandLineError) -> Int {
        guard let text = string(name), let number = Int(text) else {
            throw CommandLineError("flag --\(name) expects a whole number, got \(string(name) ?? "nothing")")
        }
        return number
    }

    /// The flag's value as a duration (`3s`, `500ms`, `5m`); an error names the flag otherwise.
    public func duration(_ name: String) throws(CommandLineError) -> Duration {
        guard let text = string(name), let duration = Duration(kubernetes: text) else {
            throw CommandLineError("flag --\(name) expects a duration such as 10s or 500ms, got \(string(name) ?? "nothing")")
        }
        return duration
    }
}

extension Flag {
    /// The `--help` text for a command: usage line, summary, then one line per flag.
    public static func helpText(usage: String, summary: String, flags: [Flag]) -> String {
        var text = "Usage: \(usage)\n\n\(summary)\n\nFlags:\n"
        let rows = flags.map { flag -> (String, String) in
            let left = flag.isSwitch ? "--\(flag.name)" : "--\(flag.name) \(flag.valueName)"
            let right = flag.help + (flag.defaultValue.map { " (default \($0))" } ?? "")
            return (left, right)
        }
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        for (left, right) in rows {
            text += "  " + left + String(repeating: " ", count: width - left.count) + right + "\n"
        }
        text += "  --help" + String(repeating: " ", count: max(width - 6, 1)) + "show this help\n"
        return text
    }
}
