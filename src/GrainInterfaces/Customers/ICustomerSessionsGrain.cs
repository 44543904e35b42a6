namespace EShop.Customers;

/// <summary>
/// The sessions of one customer (key: the customer's id). A session is one sign-in: the family of refresh tokens it
/// hands out one after another, and the access tokens issued with them (their <c>sid</c> claim). Ending it ends them
/// all: signing out, or a used refresh token presented again (whoever holds the family's tokens is then not only the
/// customer). A password change ends every session. At most <see cref="MaxSessions"/> stay open; a new one beyond
/// that ends the oldest.
/// </summary>
[Alias("eshop.customers.ICustomerSessionsGrain")]
public interface ICustomerSessionsGrain : IGrainWithGuidKey
{
    public const int MaxSessions = 50;

    [Alias("Start")]
    Task StartAsync(Guid session);

    [Alias("IsActive")]
    Task<bool> IsActiveAsync(Guid session);

    [Alias("End")]
    Task EndAsync(Guid session);

    [Alias("EndAll")]
    Task EndAllAsync();
}
