using System.Collections.Immutable;

namespace EShop.Customers;

/// <summary>A new customer record; the password arrives already hashed so no transaction waits on the KDF.</summary>
[GenerateSerializer, Immutable, Alias("eshop.customers.Registration")]
public sealed record Registration(
    [property: Id(0)] string Email,
    [property: Id(1)] string Name,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] ImmutableArray<Role> Roles);
