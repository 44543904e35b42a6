using EShop.Ordering;
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

    /// <summary>Whether password is the customer's (false when there is no customer). The hash never leaves this grain.</summary>
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("VerifyPassword")]
    Task<bool> VerifyPasswordAsync(string password);

    [Transaction(TransactionOption.CreateOrJoin), RequiresPermission(Permissions.RolesGrant), Alias("GrantRole")]
    Task<CustomerProfile?> GrantRoleAsync(Role role);

    [Transaction(TransactionOption.CreateOrJoin), RequiresPermission(Permissions.RolesGrant), Alias("RevokeRole")]
    Task<CustomerProfile?> RevokeRoleAsync(Role role);

    /// <summary>The customer's address becomes newEmail (the index is the caller's to move in the same transaction); the old one.</summary>
    [Transaction(TransactionOption.Join), Alias("ChangeEmail")]
    Task<string?> ChangeEmailAsync(string newEmail);

    /// <summary>Replaces the password hash; false when there is no customer.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("SetPasswordHash")]
    Task<bool> SetPasswordHashAsync(string passwordHash);

    [Transaction(TransactionOption.CreateOrJoin), Alias("UpdateProfile")]
    Task<Result<CustomerProfile>> UpdateProfileAsync(string name);

    /// <summary>
    /// Adds an address to the address book (id null) or replaces one; makeDefault makes it the default. The first
    /// address is the default; the book holds at most <see cref="MaxAddresses"/>.
    /// </summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("SaveAddress")]
    Task<Result<CustomerProfile>> SaveAddressAsync(Guid? id, Address address, bool makeDefault);

    /// <summary>Makes a saved address the default, in one change of the book.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("SetDefaultAddress")]
    Task<Result<CustomerProfile>> SetDefaultAddressAsync(Guid id);

    /// <summary>Removes an address; when it was the default, the first one left becomes the default.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("RemoveAddress")]
    Task<Result<CustomerProfile>> RemoveAddressAsync(Guid id);

    public const int MaxAddresses = 20;
}
