using System.Collections.Frozen;

namespace EShop.Customers;

/// <summary>What each role may do beyond a customer's own things. Fields and mutations ask for a permission, never for a role.</summary>
public static class Permissions
{
    public const string CatalogWrite = "catalog:write";
    public const string OrdersReadAny = "orders:read:any";
    public const string OrdersRefund = "orders:refund";
    public const string ShipmentsWrite = "shipments:write";
    public const string RolesGrant = "roles:grant";
    public const string GiftCardsIssue = "giftcards:issue";
    public const string AuditRead = "audit:read";
    public const string CustomersReadAny = "customers:read:any";

    public static readonly IReadOnlyList<string> All = [CatalogWrite, OrdersReadAny, OrdersRefund, ShipmentsWrite, RolesGrant, GiftCardsIssue, AuditRead, CustomersReadAny];

    private static readonly FrozenDictionary<Role, FrozenSet<string>> ByRole = new Dictionary<Role, FrozenSet<string>>
    {
        [Role.Customer] = FrozenSet<string>.Empty,
        [Role.Support] = new[] { OrdersReadAny }.ToFrozenSet(),
        [Role.Warehouse] = new[] { ShipmentsWrite }.ToFrozenSet(),
        [Role.Admin] = new[] { CatalogWrite, OrdersReadAny, OrdersRefund, ShipmentsWrite, RolesGrant, GiftCardsIssue, AuditRead, CustomersReadAny }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public static bool Grants(IEnumerable<Role> roles, string permission) => roles.Any(r => ByRole.TryGetValue(r, out var granted) && granted.Contains(permission));
}
