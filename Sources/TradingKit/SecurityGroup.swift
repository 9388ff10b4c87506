/// One of the user's watchlist groups on OpenD (Qot_GetUserSecurityGroup): the lists the phone
/// app shows. Custom groups can be edited; system groups ("All", "Positions"...) are read-only.
public struct SecurityGroup: Sendable, Hashable, Codable {
    public var name: String
    public var isSystem: Bool

    public init(name: String, isSystem: Bool = false) {
        self.name = name; self.isSystem = isSystem
    }
}
