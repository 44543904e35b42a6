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
}
