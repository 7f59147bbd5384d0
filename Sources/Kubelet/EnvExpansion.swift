// Stage 1 · Kubelet: `$(NAME)` references in env values, command and args.
//
// Kubernetes lets a variable's value, and a container's command and args, refer to
// variables defined before it: `value: "http://$(HOST):8080"`. The rules (Kubernetes'
// `third_party/forked/golang/expansion`) are deliberately forgiving, so that no string a
// user writes is an error:
//
//   `$(NAME)` with NAME defined   → its value
//   `$(NAME)` with NAME undefined → left as written, `$(NAME)`
//   `$$`                          → a single `$` (the escape: `$$(NAME)` is `$(NAME)`)
//   `$` before anything else      → left as written, as is an unclosed `$(`

/// Expands `$(NAME)` references the way the kubelet does.
enum EnvExpansion {
    /// `text` with its references replaced through `lookup`.
    static func expand(_ text: String, with lookup: (String) -> String?) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                result.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                result.append("$")
                index += 2
            } else if next == "(", let close = characters[(index + 2)...].firstIndex(of: ")") {
                let name = String(characters[(index + 2)..<close])
                result += lookup(name) ?? "$(\(name))"
                index = close + 1
            } else {
                result.append(character)
                index += 1
            }
        }
        return result
    }
}
