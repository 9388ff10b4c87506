/// A price reminder as OpenD keeps it (Qot_SetPriceReminder / Qot_GetPriceReminder): one
/// threshold on one code; it also reaches the user's phone app on a real OpenD.
public struct PriceAlert: Sendable, Hashable, Codable {
    /// What the alert watches (the `Qot_Common.PriceReminderType` numbers).
    public enum Kind: Int32, Sendable, Hashable, Codable, CaseIterable {
        case priceAbove = 1
        case priceBelow = 2
        case changeAbove = 3
        case changeBelow = 4
        case volumeAbove = 7

        /// Words for the alerts pane and the dialog.
        public var title: String {
            switch self {
            case .priceAbove: return "price ≥"
            case .priceBelow: return "price ≤"
            case .changeAbove: return "change % ≥"
            case .changeBelow: return "change % ≤ -"
            case .volumeAbove: return "volume ≥"
            }
        }

        /// The unit the value is given in.
        public var unit: String {
            switch self {
            case .priceAbove, .priceBelow: return "price"
            case .changeAbove, .changeBelow: return "%"
            case .volumeAbove: return "shares"
            }
        }
    }

    /// How often it fires (`Qot_Common.PriceReminderFreq`).
    public enum Frequency: Int32, Sendable, Hashable, Codable {
        case always = 1
        case oncePerDay = 2
        case once = 3
    }

    /// OpenD's key; 0 for one not yet set.
    public var key: Int64
    public var code: SecurityCode
    public var kind: Kind
    /// The threshold, exact: a price in the security's currency, a percentage (a "below" change
    /// is given positive, as OpenD takes it), or a number of shares.
    public var value: Price
    public var frequency: Frequency
    public var isEnabled: Bool
    public var note: String

    public init(key: Int64 = 0, code: SecurityCode, kind: Kind, value: Price, frequency: Frequency = .once,
                isEnabled: Bool = true, note: String = "") {
        self.key = key; self.code = code; self.kind = kind; self.value = value; self.frequency = frequency
        self.isEnabled = isEnabled; self.note = note
    }

    /// "price ≥ 330" / "change % ≤ -2" / "volume ≥ 1000000".
    public var condition: String { "\(kind.title) \(value.formatted())" }
}

/// A price reminder that triggered (the Qot_UpdatePriceReminder push).
public struct PriceAlertTrigger: Sendable, Hashable, Codable {
    public var key: Int64
    public var code: SecurityCode
    public var name: String
    /// The kind, when mootui knows it (OpenD has more reminder types than the dialog sets).
    public var kind: PriceAlert.Kind?
    /// The threshold that was set and the figure that reached it.
    public var setValue: Price
    public var currentValue: Price
    /// Last price when it fired.
    public var price: Price
    /// OpenD's own sentence for it.
    public var content: String
    public var note: String

    public init(key: Int64, code: SecurityCode, name: String = "", kind: PriceAlert.Kind?, setValue: Price,
                currentValue: Price, price: Price, content: String = "", note: String = "") {
        self.key = key; self.code = code; self.name = name; self.kind = kind; self.setValue = setValue
        self.currentValue = currentValue; self.price = price; self.content = content; self.note = note
    }
}
