using EShop.Shared;

namespace EShop.Customers;

/// <summary>A customer (key: Guid) with transactional state: profile, roles and password hash.</summary>
[Alias("eshop.customers.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithGuidKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<CustomerProfile?> GetAsync();

    /// <summary>Creates the customer; false when this key is already taken.</summary>
    [Transaction(TransactionOption.Join), Alias("Register")]
    Task<bool> RegisterAsync(Registration registration);

    /// <summary>The stored password hash, for the accounts coordinator to verify outside any transaction.</summary>
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("GetPasswordHash")]
    Task<string?> GetPasswordHashAsync();

    [Transaction(TransactionOption.CreateOrJoin), Alias("GrantRole")]
    Task<CustomerProfile?> GrantRoleAsync(Role role);

    /// <summary>Replaces the password hash; false when there is no customer.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("SetPasswordHash")]
    Task<bool> SetPasswordHashAsync(string passwordHash);

    [Transaction(TransactionOption.CreateOrJoin), Alias("UpdateProfile")]
    Task<Result<CustomerProfile>> UpdateProfileAsync(string name);
}
