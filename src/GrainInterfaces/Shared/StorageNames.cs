namespace EShop.Shared;

/// <summary>One grain-storage provider per bounded context, so each can live in its own database.</summary>
public static class StorageNames
{
    public const string Catalog = "catalog";
    public const string Customers = "customers";
    public const string Carts = "carts";
    public const string Ordering = "ordering";
    public const string Shipping = "shipping";
    public const string Favourites = "favourites";

    // The contexts that keep event logs: the catalog shards' product lists (catalog), the payment ledger, audit log
    // and customers' order histories (ordering), the purchase log (favourites).
    public static readonly string[] WithEventLogs = [Catalog, Ordering, Favourites];
}
