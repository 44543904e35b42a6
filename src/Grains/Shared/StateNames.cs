namespace EShop.Shared;

// The names grain state is stored under. Stored rows are keyed by them: renaming one orphans its data.
public static class StateNames
{
    public const string Product = "product";
    public const string Catalog = "catalog";
    public const string ProductPartition = "partition";
    public const string ProductHistory = "history";
    public const string Customer = "customer";
    public const string CustomerEmail = "email";
    public const string RefreshToken = "token";
    public const string Sessions = "sessions";
    public const string ExternalLogin = "external-login";
    public const string EmailChange = "email-change";
    public const string Cart = "cart";
    public const string Order = "order";
    public const string CustomerOrders = "orders";
    public const string Shipment = "shipment";
    public const string TrackingNumber = "tracking";
    public const string GiftCard = "gift-card";
    public const string Favourites = "favourites";
    public const string Watchers = "watchers";
    public const string WatchedPartitions = "watched-partitions";
    public const string Inbox = "inbox";
    public const string PurchaseLog = "purchase-log";
    public const string CoPurchases = "co-purchases";
    public const string CategorySales = "category-sales";
    public const string CustomerPurchases = "purchases";
}
