// Stage 2 · APIServer: Kubernetes' static token file, read at start and made once by `up`.
//
// One user a line, as `kube-apiserver --token-auth-file` reads it:
//
//     31ff…9c2e,admin,admin,"system:masters"
//     8a0b…77d1,system:node:node1,system:node:node1,"system:nodes"
//
// token, user name, uid, and the groups (quoted, comma-separated; optional). `stage2 up`
// keeps such a file in its data directory: the first start writes a fresh random token
// for each user it needs (the cluster's administrator, for the kubeconfig, and the
// node's kubelet), readable only by its owner; every later start reads the same file, so
// a kubeconfig written before a restart still works after it. Deleting the file makes
// new tokens at the next start, which is how a learner revokes the old ones.

import ClusterKinds
import Foundation

/// Reads and makes static token files.
public enum TokenFile {
    /// Random bytes in a token: 256 bits, written as 64 hexadecimal digits.
    public static let tokenBytes = 32

    /// A token file that cannot be read: the message names the file and the line.
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The users of the token file at `path`, by token.
    public static func read(_ path: String) throws -> [String: UserInfo] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var users: [String: UserInfo] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = csvFields(trimmed)
            guard fields.count >= 3, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw Malformed(description: "\(path):\(number + 1): expected token,user,uid[,\"group1,group2\"]")
            }
            let groups = fields.count > 3 ? fields[3].split(separator: ",").map { String($0) } : []
            users[fields[0]] = UserInfo(username: fields[1], uid: fields[2], groups: groups)
        }
        return users
    }

    /// The token file at `path`, made first with a new token for each of `users` it lacks;
    /// returns every user of the file, by token.
    public static func loadOrCreate(at path: String, users: [UserInfo]) throws -> [String: UserInfo] {
        let existing = FileManager.default.fileExists(atPath: path) ? try read(path) : [:]
        let missing = users.filter { user in !existing.values.contains { $0.username == user.username } }
        guard !missing.isEmpty else { return existing }
        var all = existing
        for user in missing { all[newToken()] = user }
        // Written whole, then renamed, and readable only by its owner: it holds the keys to the cluster.
        let text = all.sorted { $0.value.username < $1.value.username }.map { line(token: $0.key, user: $0.value) }.joined()
        let url = URL(filePath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Malformed(description: "cannot write \(temporary.path)")
        }
        guard rename(temporary.path, url.path) == 0 else { throw Malformed(description: "cannot write \(path)") }
        return all
    }

    /// The token of the user called `username` among `users`, if there is one.
    public static func token(of username: String, in users: [String: UserInfo]) -> String? {
        users.first { $0.value.username == username }?.key
    }

    /// One line of the file, with its line ending.
    static func line(token: String, user: UserInfo) -> String {
        "\(token),\(user.username),\(user.uid)" + (user.groups.isEmpty ? "" : ",\"\(user.groups.joined(separator: ","))\"") + "\n"
    }

    /// A new token from the system's secure random source.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<tokenBytes).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }

    /// The fields of a CSV line; a field in double quotes may hold commas.
    static func csvFields(_ line: some StringProtocol) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted:
                fields.append(field)
                field = ""
            default: field.append(character)
            }
        }
        fields.append(field)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

extension String {
    /// The text with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
