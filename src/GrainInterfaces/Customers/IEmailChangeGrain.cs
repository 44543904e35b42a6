namespace EShop.Customers;

/// <summary>
/// A change of e-mail address waiting for the new address to be confirmed: keyed by the SHA-256 of the token mailed to
/// it, so the token is stored nowhere. It works once, for <see cref="Lifetime"/>.
/// </summary>
[Alias("eshop.customers.IEmailChangeGrain")]
public interface IEmailChangeGrain : IGrainWithStringKey
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    [Alias("Start")]
    Task StartAsync(Guid customerId, string newEmail);

    /// <summary>The customer and the new address, using the token up; null when unknown, used or expired.</summary>
    [Alias("Redeem")]
    Task<EmailChange?> RedeemAsync();
}

[GenerateSerializer, Immutable, Alias("eshop.customers.EmailChange")]
public sealed record EmailChange([property: Id(0)] Guid CustomerId, [property: Id(1)] string NewEmail);
