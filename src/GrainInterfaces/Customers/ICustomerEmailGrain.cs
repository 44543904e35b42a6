namespace EShop.Customers;

/// <summary>
/// The e-mail index: one grain per normalized e-mail address names the one customer that owns it. Its key is
/// <see cref="EmailAddress.IndexKey"/>, a hash: never the address.
/// </summary>
[Alias("eshop.customers.ICustomerEmailGrain")]
public interface ICustomerEmailGrain : IGrainWithStringKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("GetOwner")]
    Task<Guid?> GetOwnerAsync();

    /// <summary>Claims the address for <paramref name="customerId"/>; returns the owner, which is someone else when it was taken.</summary>
    [Transaction(TransactionOption.Join), Alias("Claim")]
    Task<Guid> ClaimAsync(Guid customerId);

    /// <summary>Frees the address if <paramref name="customerId"/> owns it (the customer moved to another one).</summary>
    [Transaction(TransactionOption.Join), Alias("Release")]
    Task ReleaseAsync(Guid customerId);
}
