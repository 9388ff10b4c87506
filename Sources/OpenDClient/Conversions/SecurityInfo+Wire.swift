import OpenDProtocol
import TradingKit

extension SecurityInfo {
    /// Static facts of a 3202 entry. OpenD answers unknown codes with `delisting=true` instead
    /// of an error, so `isDelisted` is how callers tell an unknown code.
    public init(wire info: QotCommon_SecurityStaticInfo) throws {
        let b = info.basic
        self.init(
            code: try SecurityCode(wire: b.security),
            name: b.name,
            lotSize: Int64(b.lotSize),
            kind: SecurityKind(wireValue: b.secType),
            listTime: b.listTime,
            isDelisted: b.delisting)
    }
}
