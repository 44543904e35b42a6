using EShop.Shared;

namespace EShop.Customers;

[GenerateSerializer, Alias("eshop.customers.CustomerState")]
public sealed class CustomerState
{
    [Id(0), PersonalData] public string Email { get; set; } = "";
    [Id(1), PersonalData] public string Name { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public List<Role> Roles { get; set; } = [];

    // Unset until the customer registers.
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    // The address book, in the order addresses were added; the default one is marked.
    [Id(5), PersonalData] public List<SavedAddress> Addresses { get; set; } = [];

    public bool Exists => CreatedAt != default;
}
