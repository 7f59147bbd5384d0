// Stage 3 · bench: hostile input made from good input, repeatably.
//
// A fuzzer that knows nothing of the format still finds most of what breaks a parser if it
// starts from valid input and damages it a little: flip a byte to a character the grammar
// cares about, cut the input short, repeat a slice, or open a thousand brackets. The
// damage is drawn from a seeded generator (SplitMix64), so a case that fails can be made
// again from its seed and number.

/// Damages valid input in small, repeatable ways.
struct InputMutator {
    /// The bytes a damaged byte becomes: the punctuation of YAML, JSON and HTTP.
    static let alphabet = Array(" \t\n\r-:?[]{},#&*!|>'\"%@`\\.0aZ~<\u{7F}\0/".utf8) + [0xC3, 0xFF]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next number of the sequence (SplitMix64).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    mutating func number(in range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// `input` with one to four pieces of damage.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<number(in: 1..<5) where !bytes.isEmpty {
            let at = number(in: 0..<bytes.count)
            switch number(in: 0..<6) {
            case 0, 1:
                bytes[at] = Self.alphabet[number(in: 0..<Self.alphabet.count)]
            case 2:
                bytes.removeSubrange(at..<min(bytes.count, at + number(in: 1..<16)))
            case 3:
                let slice = bytes[at..<min(bytes.count, at + number(in: 1..<64))]
                bytes.insert(contentsOf: slice, at: at)
            case 4:
                bytes = Array(bytes[..<at])
            default:
                let opener = [UInt8]("[{-&".utf8)[number(in: 0..<4)]
                bytes.insert(contentsOf: [UInt8](repeating: opener, count: number(in: 1..<2_000)), at: at)
            }
        }
        return bytes
    }
}
