import ArgumentParser
import Foundation

/// A yes/no question before a write that restarts the job. No answer is no: without a terminal to
/// ask on, `notAsked` says how to go ahead (--yes); anything but "y…" is `declined`. Both exit 1.
enum Confirmation {
    static func ask(_ question: String, notAsked: String, declined: String) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            StandardError.write("scimterm: " + notAsked)
            throw ExitCode(1)
        }
        StandardError.write(question + " [y/N] ", newline: false)
        guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
            StandardError.write("scimterm: " + declined)
            throw ExitCode(1)
        }
    }
}
