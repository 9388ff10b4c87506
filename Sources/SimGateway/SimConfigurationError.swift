/// A configuration the simulator cannot start with.
public struct SimConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
