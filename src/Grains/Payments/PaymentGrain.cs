using EShop.Ordering;
using EShop.Payments.Events;
using EShop.Shared;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace EShop.Payments;

// The ledger is event-sourced: the events are the stored state (IEventLog: one row per entry on PostgreSQL) and the
// payment is their replay. A processor call comes first and its entry after; a crash between the two leaves no entry,
// and the repeated call, with the same idempotency key, gets the processor's first answer instead of moving money again.
[GrainType("eshop.payments.payment"), LogConsistencyProvider(ProviderName = PaymentGrain.LogProvider)]
public sealed class PaymentGrain(IPaymentProcessor processor, IEventLog log, TimeProvider time)
    : JournaledGrain<PaymentState, PaymentEvent>, IPaymentGrain, ICustomStorageInterface<PaymentState, PaymentEvent>
{
    public const string LogProvider = "payments";

    private const string CashOnDelivery = "cash-on-delivery";

    private string Key(string step) => $"{this.GetPrimaryKey():N}:{step}";

    public Task<PaymentSnapshot?> GetAsync() => Task.FromResult(State.ToSnapshot());

    public async Task<PaymentSnapshot> AuthorizeAsync(PaymentRequest request)
    {
        if (State.Ledger.Count > 0)
        {
            return State.ToSnapshot()!;
        }

        var (details, now) = (request.Details, time.GetUtcNow());
        if (details.Method == PaymentMethod.CashOnDelivery)
        {
            return await RecordAsync(new PaymentAuthorized(now, details.Method, request.Amount, request.Currency, CashOnDelivery));
        }

        var answer = await processor.AuthorizeAsync(Key("authorize"), this.GetPrimaryKey().ToString(), request.Amount, request.Currency, details.CardToken ?? "");
        return await RecordAsync(answer.Approved
            ? new PaymentAuthorized(time.GetUtcNow(), details.Method, request.Amount, request.Currency, answer.Id)
            : new PaymentDeclined(time.GetUtcNow(), details.Method, request.Amount, request.Currency, DeclineMessage(answer.DeclineCode)));
    }

    public async Task<PaymentSnapshot> CaptureAsync()
    {
        if (State.Status != PaymentStatus.Authorized)
        {
            return State.ToSnapshot() ?? throw new InvalidOperationException("Nothing is authorized to capture.");
        }

        if (State.AuthorizationId != CashOnDelivery)
        {
            await processor.CaptureAsync(Key("capture"), State.AuthorizationId!, State.Amount);
        }

        return await RecordAsync(new PaymentCaptured(time.GetUtcNow(), State.Amount));
    }

    public async Task<PaymentSnapshot> VoidAsync()
    {
        switch (State.Status)
        {
            case PaymentStatus.Pending:
                return await RecordAsync(new PaymentVoided(time.GetUtcNow()));
            case PaymentStatus.Authorized:
                if (State.AuthorizationId != CashOnDelivery)
                {
                    await processor.VoidAsync(Key("void"), State.AuthorizationId!);
                }

                return await RecordAsync(new PaymentVoided(time.GetUtcNow()));
            default:
                return State.ToSnapshot()!;
        }
    }

    public async Task<Result<PaymentSnapshot>> RefundAsync(decimal amount)
    {
        var refundable = State.Captured - State.Refunded;
        if (refundable <= 0)
        {
            return Result<PaymentSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidState, "Nothing captured is left to refund.", "orderId"));
        }

        if (amount <= 0 || amount != Math.Round(amount, 2) || amount > refundable)
        {
            return Result<PaymentSnapshot>.Fail(UserError.Of(
                ErrorCodes.InvalidInput, $"A refund must be more than 0, with at most two decimals, and at most the {refundable:0.00} {State.Currency} captured and not yet refunded.", "amount"));
        }

        // The key counts the refunds recorded so far: a repeat after a crash, before its entry was written, reuses it.
        var refundId = State.AuthorizationId == CashOnDelivery
            ? $"{CashOnDelivery}-refund-{State.Refunds + 1}"
            : await processor.RefundAsync(Key($"refund-{State.Refunds + 1}"), State.AuthorizationId!, amount);
        return Result<PaymentSnapshot>.Ok(await RecordAsync(new PaymentRefunded(time.GetUtcNow(), amount, refundId)));
    }

    public async Task<KeyValuePair<int, PaymentState>> ReadStateFromStorage()
    {
        var state = new PaymentState();
        var entries = await log.ReadAsync<PaymentEvent>(this.GetGrainId());
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }

        return new(entries.Count, state);
    }

    public Task<bool> ApplyUpdatesToStorage(IReadOnlyList<PaymentEvent> updates, int expectedVersion) =>
        log.AppendAsync(this.GetGrainId(), expectedVersion, updates);

    protected override void TransitionState(PaymentState state, PaymentEvent @event) => state.Apply(@event);

    private async Task<PaymentSnapshot> RecordAsync(PaymentEvent entry)
    {
        RaiseEvent(entry);
        await ConfirmEvents();
        return State.ToSnapshot()!;
    }

    private static string DeclineMessage(string? code) => code switch
    {
        "insufficient_funds" => "The card has insufficient funds.",
        "card_declined" => "The card was declined.",
        _ => $"The card was declined ({code ?? "no reason given"}).",
    };
}
