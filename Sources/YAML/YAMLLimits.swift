// Stage 1 · YAML: the reader's limits, in one place.
//
// A kubelet reads whatever file lands in its manifest folder, so the reader must stay
// bounded on hostile or broken input: no stack overflow on `[[[[…`, no exponential
// blow-up from aliases of aliases ("billion laughs"), no quadratic scans. Each bound
// below is far beyond what a real manifest uses (they nest perhaps 15 deep and hold a
// few thousand values) and each is checked where it is consumed.

/// The bounds the YAML reader enforces on every input; read by the scanner and parser.
public enum YAMLLimits {
    /// How deeply collections may nest (flow brackets, block indentation levels, and the
    /// height of a tree assembled through aliases). The parser and the JSON renderer use
    /// explicit stacks, not recursion, so this is a policy; it also keeps the synthesized
    /// `==` on nodes, which does recurse, shallow.
    public static let maxNestingDepth = 512

    /// How many values one document may hold once aliases are expanded. Protects the
    /// JSON rendering and every later consumer from "billion laughs" documents.
    public static let maxNodesPerDocument = 1_000_000

    /// How far (in characters) a simple key may be from its `:`; YAML 1.1 sets 1024.
    public static let maxSimpleKeyLength = 1024

    /// How many digits a binary, octal or hexadecimal integer beyond `Int` may have and
    /// still be converted to exact decimal digits (a conversion whose cost is quadratic);
    /// a longer one becomes the nearest double. Python's own default bound on converting
    /// between integers and decimal text is 4,300 digits.
    public static let maxConvertedIntegerDigits = 4_300
}
