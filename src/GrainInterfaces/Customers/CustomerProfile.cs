using System.Collections.Immutable;

namespace EShop.Customers;

/// <summary>A customer as others may see it: never the password hash.</summary>
[GenerateSerializer, Immutable, Alias("eshop.customers.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] ImmutableArray<Role> Roles,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] ImmutableArray<SavedAddress> Addresses);
