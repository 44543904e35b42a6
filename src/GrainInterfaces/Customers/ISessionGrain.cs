namespace EShop.Customers;

/// <summary>
/// One sign-in of a customer: the family of refresh tokens it hands out, one after another, and the access tokens
/// issued with them (their <c>sid</c> claim). Revoking it ends them all: signing out, or a used refresh token
/// presented again (whoever holds the family's tokens is then not only the customer).
/// </summary>
[Alias("eshop.customers.ISessionGrain")]
public interface ISessionGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task StartAsync(Guid customerId);

    /// <summary>The customer while the session is active; null when it is revoked or never started.</summary>
    [Alias("Customer")]
    Task<Guid?> GetCustomerAsync();

    [Alias("Revoke")]
    Task RevokeAsync();
}
