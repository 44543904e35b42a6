namespace EShop.Customers;

/// <summary>The customer an external identity (key: <see cref="ExternalLogin.Key"/>) is linked to, once linked for good.</summary>
[Alias("eshop.customers.IExternalLoginGrain")]
public interface IExternalLoginGrain : IGrainWithStringKey
{
    [Alias("Customer")]
    Task<Guid?> GetCustomerAsync();

    /// <summary>Links the identity to the customer unless it is linked already; the customer it is linked to.</summary>
    [Alias("Link")]
    Task<Guid> LinkAsync(Guid customerId);
}
