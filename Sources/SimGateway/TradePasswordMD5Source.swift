import Foundation

/// Where `mootui sim` takes the MD5 of the trade password from: a file only its owner can read
/// and write, or the environment, never the command line (argv is readable by every user in
/// /proc). Errors name the file or the variable, never the value.
public enum TradePasswordMD5Source {
    /// The environment variable that may carry the MD5.
    public static let environmentVariable = "MOOTUI_TRADE_PASSWORD_MD5"

    /// The MD5 (lower-case hex) from `file` if given, else from the environment; nil when neither.
    public static func load(file: String?, environment: [String: String]) throws(SimConfigurationError) -> String? {
        if let file { return try read(file) }
        guard let value = environment[environmentVariable] else { return nil }
        return try validated(value, from: "$\(environmentVariable)")
    }

    /// Reads the MD5 from `path`, which must be a regular file owned by this user with no access
    /// for group or others (mode 0600 or 0400).
    static func read(_ path: String) throws(SimConfigurationError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SimConfigurationError("cannot read the trade password MD5 file \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw SimConfigurationError("the trade password MD5 file \(path) is not a regular file")
        }
        guard info.st_uid == geteuid() else {
            throw SimConfigurationError("the trade password MD5 file \(path) belongs to another user")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw SimConfigurationError(
                "the trade password MD5 file \(path) has mode \(String(mode, radix: 8)): others may read it; "
                    + "run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw SimConfigurationError("cannot read the trade password MD5 file \(path)")
        }
        return try validated(text, from: path)
    }

    private static func validated(_ text: String, from origin: String) throws(SimConfigurationError) -> String {
        let md5 = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard md5.utf8.count == 32, md5.allSatisfy(\.isHexDigit) else {
            throw SimConfigurationError("\(origin) must hold the MD5 of the trade password: 32 hexadecimal characters")
        }
        return md5.lowercased()
    }
}
