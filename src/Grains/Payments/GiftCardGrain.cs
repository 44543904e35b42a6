using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Payments;

[GrainType("eshop.payments.gift-card")]
public sealed class GiftCardGrain(
    [TransactionalState(StateNames.GiftCard, StorageNames.Ordering)] ITransactionalState<GiftCardState> state,
    TimeProvider time) : Grain, IGiftCardGrain
{
    private const decimal MaxBalance = 10_000m;

    public Task<GiftCardSnapshot?> GetAsync() => state.PerformRead(s => s.ToSnapshot());

    public Task<Result<GiftCardSnapshot>> IssueAsync(decimal amount) => state.PerformUpdate(s =>
    {
        if (s.IssuedAt is not null)
        {
            return Result<GiftCardSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidState, "A gift card with this code exists already.", "code"));
        }

        if (amount <= 0 || amount > MaxBalance || Validation.Money(amount, "input", "amount") is not null)
        {
            return Result<GiftCardSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidInput, $"amount must be more than 0 and at most {MaxBalance:0}, with at most two decimals.", "amount"));
        }

        (s.Balance, s.Currency, s.IssuedAt) = (amount, Currency.Default, time.GetUtcNow());
        return Result<GiftCardSnapshot>.Ok(s.ToSnapshot()!);
    });

    public Task<Result<GiftCardSnapshot>> DebitAsync(Guid orderId, decimal amount) => state.PerformUpdate(s =>
        s.Debit(orderId, amount) is { } refused ? Result<GiftCardSnapshot>.Fail(refused) : Result<GiftCardSnapshot>.Ok(s.ToSnapshot()!));

    public Task<GiftCardSnapshot> CreditAsync(Guid orderId, string step, decimal amount) => state.PerformUpdate(s =>
    {
        s.Credit(orderId, step, amount);
        return s.ToSnapshot()!;
    });
}
