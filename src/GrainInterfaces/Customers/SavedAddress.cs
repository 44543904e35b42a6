using EShop.Ordering;

namespace EShop.Customers;

/// <summary>An address in a customer's address book.</summary>
[GenerateSerializer, Immutable, Alias("eshop.customers.SavedAddress")]
public sealed record SavedAddress([property: Id(0)] Guid Id, [property: Id(1)] Address Address, [property: Id(2)] bool IsDefault);
