// Stage 3 · Informers: one line of a watch stream, read as a typed event.
//
// Each line of a watch is `{"type":"…","object":{…}}`, and what `object` is depends on
// `type`: the watched kind for ADDED, MODIFIED and DELETED; a `Status` for ERROR; for a
// BOOKMARK, the watched kind with nothing in it but `metadata.resourceVersion`. So the
// line is read twice: once for its type, then once more as the envelope that type says.

import API
import APIMachinery
import Foundation

/// Turns the lines of a watch into `WatchEvent`s; used by `APIClient.watch`.
enum WatchEventDecoder {
    /// A line that is not a watch event the client understands.
    struct Unreadable: Error, CustomStringConvertible {
        let reason: String
        var description: String { "unreadable watch event: \(reason)" }
    }

    /// The event a line holds; throws `Unreadable` for anything else.
    static func event<Object: APIObject>(_ type: Object.Type, from line: String) throws(Unreadable) -> WatchEvent<Object> {
        let data = Data(line.utf8)
        do {
            switch try APIJSON.decode(Envelope<TypeOnly>.self, from: data).type {
            case "ADDED": return .added(try APIJSON.decode(Envelope<Object>.self, from: data).object)
            case "MODIFIED": return .modified(try APIJSON.decode(Envelope<Object>.self, from: data).object)
            case "DELETED": return .deleted(try APIJSON.decode(Envelope<Object>.self, from: data).object)
            case "BOOKMARK":
                let bookmark = try APIJSON.decode(Envelope<BookmarkObject>.self, from: data).object
                return .bookmark(resourceVersion: bookmark.metadata.resourceVersion ?? "")
            case "ERROR": return .error(try APIJSON.decode(Envelope<Status>.self, from: data).object)
            case let other: throw Unreadable(reason: "type \"\(other)\"")
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(reason: "\(error)")
        }
    }

    private struct Envelope<Payload: Decodable>: Decodable {
        let type: String
        let object: Payload
    }

    /// Decodes as anything: lets the first reading look at `type` alone.
    private struct TypeOnly: Decodable {}

    private struct BookmarkObject: Decodable {
        struct Metadata: Decodable { let resourceVersion: String? }
        let metadata: Metadata
    }
}
