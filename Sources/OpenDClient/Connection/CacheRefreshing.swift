import OpenDProtocol

/// A trade query that normally reads OpenD's cache; only a `refreshCache` call counts against its rate limit.
public protocol CacheRefreshing {
    var refreshCache: Bool { get }
}

extension TrdGetFunds_C2S: CacheRefreshing {}
extension TrdGetPositionList_C2S: CacheRefreshing {}
extension TrdGetOrderList_C2S: CacheRefreshing {}
extension TrdGetOrderFillList_C2S: CacheRefreshing {}
