namespace EShop.Customers;

/// <summary>
/// One refresh token, keyed by the SHA-256 of the token so the token itself is never stored. Redeeming uses it up:
/// the caller issues a fresh one, so a stolen token works at most once.
/// </summary>
[Alias("eshop.customers.IRefreshTokenGrain")]
public interface IRefreshTokenGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task IssueAsync(Guid customerId, DateTimeOffset expiresAt);

    /// <summary>The customer the token was issued to, or null when it is unknown, expired or already redeemed.</summary>
    [Alias("Redeem")]
    Task<Guid?> RedeemAsync();
}
