namespace EShop.Customers;

/// <summary>
/// One refresh token, keyed by the SHA-256 of the token so the token itself is never stored. Redeeming uses it up:
/// the caller issues a fresh one of the same session, so a stolen token works at most once, and presenting a used one
/// again revokes the session with every token it issued.
/// </summary>
[Alias("eshop.customers.IRefreshTokenGrain")]
public interface IRefreshTokenGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task IssueAsync(Guid customerId, Guid sessionId, DateTimeOffset expiresAt);

    /// <summary>The customer and session the token was issued to, or null when it is unknown, expired, already redeemed (the session is then revoked) or of a revoked session.</summary>
    [Alias("Redeem")]
    Task<RefreshTokenOwner?> RedeemAsync();
}

[GenerateSerializer, Immutable, Alias("eshop.customers.RefreshTokenOwner")]
public sealed record RefreshTokenOwner([property: Id(0)] Guid CustomerId, [property: Id(1)] Guid SessionId);
