import Foundation

/// A parsed JSON document compared the way protobuf's JSON mapping needs: 64-bit integers
/// (written as strings) and plain numbers compare as exact integers, other numbers as doubles.
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(negative: Bool, magnitude: UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .integer(negative: false, magnitude: value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(negative: value < 0, magnitude: value.magnitude)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Integer strings ("-12", "18446744073709551615") and integral doubles become `.integer`.
    private var canonicalLeaf: JSONValue {
        switch self {
        case let .string(text):
            if let value = UInt64(text) { return .integer(negative: false, magnitude: value) }
            if let value = Int64(text) { return .integer(negative: value < 0, magnitude: value.magnitude) }
            return self
        case let .double(value) where value.rounded() == value && abs(value) < 9.2e18:
            let integer = Int64(value)
            return .integer(negative: integer < 0, magnitude: integer.magnitude)
        case .integer(_, 0):
            return .integer(negative: false, magnitude: 0)
        default:
            return self
        }
    }

    /// Every path where `actual` differs from `self`, readable in a failure message.
    func differences(from actual: JSONValue, path: String = "$") -> [String] {
        switch (self, actual) {
        case let (.object(expected), .object(actual)):
            return Set(expected.keys).union(actual.keys).sorted().flatMap { key -> [String] in
                switch (expected[key], actual[key]) {
                case let (e?, a?): return e.differences(from: a, path: "\(path).\(key)")
                case let (e?, nil): return ["\(path).\(key): missing (expected \(e))"]
                case let (nil, a?): return ["\(path).\(key): unexpected \(a)"]
                default: return []
                }
            }
        case let (.array(expected), .array(actual)):
            guard expected.count == actual.count else {
                return ["\(path): \(actual.count) elements, expected \(expected.count)"]
            }
            return zip(expected, actual).enumerated().flatMap { i, pair in pair.0.differences(from: pair.1, path: "\(path)[\(i)]") }
        default:
            return canonicalLeaf == actual.canonicalLeaf ? [] : ["\(path): \(actual), expected \(self)"]
        }
    }
}
