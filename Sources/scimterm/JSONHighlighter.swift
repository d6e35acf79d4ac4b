/// ANSI colours for pretty JSON printed by `preview`.
///
/// Works on the writer's output, in which every control character of the data is already escaped,
/// so the only escape sequences reaching the terminal are the ones added here.
enum JSONHighlighter {
    private static let key = "\u{1B}[34m", string = "\u{1B}[32m", number = "\u{1B}[36m"
    private static let literal = "\u{1B}[35m", dim = "\u{1B}[2m", reset = "\u{1B}[0m"

    static func comment(_ text: String) -> String { dim + text + reset }

    static func highlight(_ json: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(json.count * 2)
        var i = 0
        while i < json.count {
            let b = json[i]
            if b == UInt8(ascii: "\"") {
                let end = endOfString(json, from: i)
                var j = end
                while j < json.count, json[j] == UInt8(ascii: " ") { j += 1 }
                let isKey = j < json.count && json[j] == UInt8(ascii: ":")
                out += (isKey ? key : string) + String(decoding: json[i..<end], as: UTF8.self) + reset
                i = end
            } else if b == UInt8(ascii: "-") || (0x30...0x39).contains(b) {
                let start = i
                while i < json.count, !(json[i] == UInt8(ascii: ",") || json[i] == 0x0A || json[i] == UInt8(ascii: "]")
                    || json[i] == UInt8(ascii: "}") || json[i] == UInt8(ascii: " ")) { i += 1 }
                out += number + String(decoding: json[start..<i], as: UTF8.self) + reset
            } else if b == UInt8(ascii: "t") || b == UInt8(ascii: "f") || b == UInt8(ascii: "n") {
                let start = i
                while i < json.count, (0x61...0x7A).contains(json[i]) { i += 1 }
                out += literal + String(decoding: json[start..<i], as: UTF8.self) + reset
            } else {
                out.unicodeScalars.append(Unicode.Scalar(b))
                i += 1
            }
        }
        return out
    }

    private static func endOfString(_ json: [UInt8], from start: Int) -> Int {
        var i = start + 1
        while i < json.count {
            if json[i] == UInt8(ascii: "\\") { i += 2; continue }
            if json[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return json.count
    }
}
