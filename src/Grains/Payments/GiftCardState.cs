using EShop.Shared;

namespace EShop.Payments;

// A card's balance and the movements that made it, each named "<order>:<step>" so that none is made twice.
[GenerateSerializer, Alias("eshop.payments.GiftCardState")]
public sealed class GiftCardState
{
    [Id(0)] public decimal Balance { get; set; }
    [Id(1)] public string Currency { get; set; } = "";
    [Id(2)] public DateTimeOffset? IssuedAt { get; set; }
    [Id(3)] public Dictionary<string, decimal> Movements { get; set; } = [];

    public GiftCardSnapshot? ToSnapshot() => IssuedAt is { } issued ? new(Balance, Currency, issued) : null;

    public UserError? Debit(Guid orderId, decimal amount)
    {
        var key = $"{orderId:N}:debit";
        if (IssuedAt is null)
        {
            return GiftCards.Unknown();
        }

        if (Movements.ContainsKey(key))
        {
            return null;
        }

        if (Balance < amount)
        {
            return GiftCards.ShortOf(Balance, Currency, amount);
        }

        Balance -= amount;
        Movements[key] = -amount;
        return null;
    }

    public void Credit(Guid orderId, string step, decimal amount)
    {
        if (Movements.TryAdd($"{orderId:N}:{step}", amount))
        {
            Balance += amount;
        }
    }
}
