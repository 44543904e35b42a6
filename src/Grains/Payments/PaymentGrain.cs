using EShop.Ordering;
using EShop.Payments.Events;
using EShop.Shared;
using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace EShop.Payments;

// The ledger is event-sourced: the events are the stored state (IEventLog: one row per entry on PostgreSQL) and the
// payment is their replay. A processor call is recorded as started before it is made and completed by its answer; a
// step a crash left started is made again first, with the same idempotency key and amount, so the processor answers
// as it did the first time and no money moves twice — also when what comes next is a void or a refund. A gift card's
// steps credit the card instead, each at most once for its step.
[GrainType("eshop.payments.payment"), LogConsistencyProvider(ProviderName = PaymentGrain.LogProvider)]
public sealed partial class PaymentGrain(IPaymentProcessor processor, IEventLog log, TimeProvider time, ILogger<PaymentGrain> logger)
    : JournaledGrain<PaymentState, PaymentEvent>, IPaymentGrain, ICustomStorageInterface<PaymentState, PaymentEvent>
{
    public const string LogProvider = "payments";

    private const string CashOnDelivery = "cash-on-delivery";
    private const string Authorize = "authorize";
    private const string Capture = "capture";
    private const string Void = "void";

    // Cash changes hands outside the shop: its entries record what the carrier collected or the shop paid back.
    private bool IsCashOnDelivery => State.Method == PaymentMethod.CashOnDelivery;

    // A gift card was debited in the checkout transaction: it is authorized and captured by that, and paid back by
    // credit. Its authorization id is the card's key.
    private IGiftCardGrain? GiftCard => State.Method == PaymentMethod.GiftCard ? GrainFactory.GetGrain<IGiftCardGrain>(State.AuthorizationId!) : null;

    public Task<PaymentSnapshot?> GetAsync() => Task.FromResult(State.ToSnapshot());

    public Task<PaymentSnapshot> AuthorizeAsync(PaymentRequest request) => DecideAsync(request, capture: false);

    public Task<PaymentSnapshot> ChargeAsync(PaymentRequest request) => request.Details.Method == PaymentMethod.CashOnDelivery
        ? throw new ArgumentException("Cash on delivery is captured on delivery: authorize it instead.", nameof(request))
        : DecideAsync(request, capture: true);

    // The payment's first decision, or the one it has. With capture, an approval is captured in the same call, and
    // its capture is committed to in the same append: a card's approval with the capture's start, a gift card's with
    // the capture itself. A cancellation that comes while a card is being charged is then settled by a refund, where
    // a capture in a saga pass of its own left it a moment to void the hold; the pass cost a call on this grain and a
    // ledger write per order.
    private async Task<PaymentSnapshot> DecideAsync(PaymentRequest request, bool capture)
    {
        await ResumeStartedAsync();
        if (State.Ledger.Count == 0)
        {
            var (at, details) = (time.GetUtcNow(), request.Details);
            switch (details)
            {
                case { Method: PaymentMethod.CashOnDelivery }:
                    await RecordAsync(new PaymentAuthorized(at, Authorize, details.Method, request.Amount, request.Currency, CashOnDelivery));
                    break;
                case { Method: PaymentMethod.GiftCard, GiftCardCode: { } key }:
                    var authorized = new PaymentAuthorized(at, Authorize, details.Method, request.Amount, request.Currency, key);
                    await (capture ? RecordAsync(authorized, new PaymentCaptured(at, Capture, request.Amount)) : RecordAsync(authorized));
                    break;
                default:
                    await RecordAsync(new PaymentStepStarted(at, Authorize, request.Amount, request));
                    await CompleteStartedAsync(thenCapture: capture);

                    // The capture the approval started; nothing, when the card was declined.
                    await CompleteStartedAsync();
                    break;
            }
        }

        // An approval recorded before without its capture (an authorization only, or a charge from before this call).
        return capture && State.Status == PaymentStatus.Authorized ? await CaptureAsync() : State.ToSnapshot()!;
    }

    public async Task<PaymentSnapshot> CaptureAsync()
    {
        await ResumeStartedAsync();
        return State.Status switch
        {
            PaymentStatus.Authorized when IsCashOnDelivery || GiftCard is not null => await RecordAsync(new PaymentCaptured(time.GetUtcNow(), Capture, State.Amount)),
            PaymentStatus.Authorized => await StartAsync(new PaymentStepStarted(time.GetUtcNow(), Capture, State.Amount, null)),
            _ => State.ToSnapshot() ?? throw new InvalidOperationException("Nothing is authorized to capture."),
        };
    }

    public async Task<PaymentSnapshot> VoidAsync()
    {
        await ResumeStartedAsync();
        return State.Status switch
        {
            // Nothing reached the processor: closing the ledger is all there is to do.
            PaymentStatus.Pending => await RecordAsync(new PaymentVoided(time.GetUtcNow(), Void)),
            PaymentStatus.Authorized when IsCashOnDelivery => await RecordAsync(new PaymentVoided(time.GetUtcNow(), Void)),
            PaymentStatus.Authorized => await StartAsync(new PaymentStepStarted(time.GetUtcNow(), Void, 0, null)),
            _ => State.ToSnapshot()!,
        };
    }

    public async Task<Result<PaymentSnapshot>> RefundAsync(decimal amount)
    {
        await ResumeStartedAsync();
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

        var step = $"refund-{State.Refunds + 1}";
        return Result<PaymentSnapshot>.Ok(IsCashOnDelivery
            ? await RecordAsync(new PaymentRefunded(time.GetUtcNow(), step, amount, $"{CashOnDelivery}-{step}"))
            : await StartAsync(new PaymentStepStarted(time.GetUtcNow(), step, amount, null)));
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

    private async Task<PaymentSnapshot> StartAsync(PaymentStepStarted started)
    {
        await RecordAsync(started);
        await CompleteStartedAsync();
        return State.ToSnapshot()!;
    }

    // A call started before this one and not completed: the processor was unreachable, or the silo died mid-way.
    private async Task ResumeStartedAsync()
    {
        if (State.Started is { } started)
        {
            LogResuming(logger, this.GetPrimaryKey(), started.Step);
            await CompleteStartedAsync();
        }
    }

    // Makes the started call (again, after a crash: the key makes the processor answer as before) and records its answer;
    // an approved authorization with the start of its capture when thenCapture.
    private async Task CompleteStartedAsync(bool thenCapture = false)
    {
        if (State.Started is not { } started)
        {
            return;
        }

        var (key, at) = ($"{this.GetPrimaryKey():N}:{started.Step}", time.GetUtcNow());
        switch (started.Step)
        {
            case Authorize:
                var request = started.Authorization!;
                var answer = await processor.AuthorizeAsync(key, this.GetPrimaryKey().ToString(), request.Amount, request.Currency, request.Details.CardToken ?? "");
                if (!answer.Approved)
                {
                    await RecordAsync(new PaymentDeclined(at, Authorize, request.Details.Method, request.Amount, request.Currency, DeclineMessage(answer.DeclineCode)));
                    break;
                }

                var authorized = new PaymentAuthorized(at, Authorize, request.Details.Method, request.Amount, request.Currency, answer.Id);
                await (thenCapture ? RecordAsync(authorized, new PaymentStepStarted(at, Capture, request.Amount, null)) : RecordAsync(authorized));
                break;
            case Capture:
                await processor.CaptureAsync(key, State.AuthorizationId!, started.Amount);
                await RecordAsync(new PaymentCaptured(at, Capture, started.Amount));
                break;
            case Void when GiftCard is { } card:
                await card.CreditAsync(this.GetPrimaryKey(), Void, State.Amount);
                await RecordAsync(new PaymentVoided(at, Void));
                break;
            case Void:
                await processor.VoidAsync(key, State.AuthorizationId!);
                await RecordAsync(new PaymentVoided(at, Void));
                break;
            default:
                var refundId = GiftCard is { } giftCard
                    ? await CreditAsync(giftCard, key, started)
                    : await processor.RefundAsync(key, State.AuthorizationId!, started.Amount);
                await RecordAsync(new PaymentRefunded(at, started.Step, started.Amount, refundId));
                break;
        }
    }

    // A gift card refund's id is its idempotency key: the card records the movement under it.
    private async Task<string> CreditAsync(IGiftCardGrain card, string key, PaymentStepStarted started)
    {
        await card.CreditAsync(this.GetPrimaryKey(), started.Step, started.Amount);
        return key;
    }

    // The entries go to the log in one write.
    private async Task<PaymentSnapshot> RecordAsync(params PaymentEvent[] entries)
    {
        RaiseEvents(entries);
        await ConfirmEvents();
        return State.ToSnapshot()!;
    }

    private static string DeclineMessage(string? code) => code switch
    {
        "insufficient_funds" => "The card has insufficient funds.",
        "card_declined" => "The card was declined.",
        _ => $"The card was declined ({code ?? "no reason given"}).",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} payment step {Step} was started and not completed; making the call again with its idempotency key")]
    private static partial void LogResuming(ILogger logger, Guid orderId, string step);
}
