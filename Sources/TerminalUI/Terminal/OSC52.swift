import Foundation

/// The OSC 52 "set clipboard" sequence: the terminal (even at the far end of SSH, and tmux with
/// `set-clipboard on`) puts the text on the system clipboard. Nothing comes back, so the caller
/// cannot know whether it worked and should offer a file as well.
public enum OSC52 {
    /// Terminals cap the sequence (xterm at about 100 kB of base64); longer text is not sent.
    public static let maximumBytes = 74_994

    public static func sequence(for text: String) -> String? {
        let bytes = Data(text.utf8)
        guard bytes.count <= maximumBytes else { return nil }
        return "\u{1B}]52;c;" + bytes.base64EncodedString() + "\u{07}"
    }
}
