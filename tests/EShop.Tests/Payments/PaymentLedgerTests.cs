using EShop.Ordering;
using EShop.Payments;
using EShop.Payments.Events;

namespace EShop.Tests.Payments;

// The ledger's replay, without a cluster: sums follow the entries, and an entry for a step already completed (the log
// view appending a batch again after an ambiguous write) changes nothing.
public sealed class PaymentLedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly PaymentRequest Card = new(new PaymentDetails(PaymentMethod.Card, "tok_visa", null), 50m, "USD");

    [Fact]
    public void Replay_AuthorizeCaptureAndTwoRefunds_SumsTheMoneyThatMoved()
    {
        var state = Replay(
            new PaymentStepStarted(At, "authorize", 50m, Card),
            new PaymentAuthorized(At, "authorize", PaymentMethod.Card, 50m, "USD", "auth_1"),
            new PaymentStepStarted(At, "capture", 50m, null),
            new PaymentCaptured(At, "capture", 50m),
            new PaymentStepStarted(At, "refund-1", 20m, null),
            new PaymentRefunded(At, "refund-1", 20m, "re_1"));

        Assert.Equal((PaymentStatus.PartiallyRefunded, 50m, 20m, 1, null), (state.Status, state.Captured, state.Refunded, state.Refunds, state.Started));

        state.Apply(new PaymentStepStarted(At, "refund-2", 30m, null));
        state.Apply(new PaymentRefunded(At, "refund-2", 30m, "re_2"));

        Assert.Equal((PaymentStatus.Refunded, 50m), (state.Status, state.Refunded));
    }

    [Fact]
    public void Replay_AStepCompletedTwice_CountsItOnce()
    {
        var state = Replay(
            new PaymentAuthorized(At, "authorize", PaymentMethod.Card, 50m, "USD", "auth_1"),
            new PaymentStepStarted(At, "capture", 50m, null),
            new PaymentCaptured(At, "capture", 50m),
            new PaymentStepStarted(At, "capture", 50m, null),
            new PaymentCaptured(At, "capture", 50m));

        Assert.Equal((50m, 3, null), (state.Captured, state.Ledger.Count, state.Started));
    }

    [Fact]
    public void Replay_AStepStartedAndNotAnswered_IsLeftStartedWithItsAmount()
    {
        var state = Replay(
            new PaymentAuthorized(At, "authorize", PaymentMethod.Card, 50m, "USD", "auth_1"),
            new PaymentCaptured(At, "capture", 50m),
            new PaymentStepStarted(At, "refund-1", 12.5m, null));

        Assert.Equal(("refund-1", 12.5m, 0m, PaymentStatus.Captured), (state.Started!.Step, state.Started.Amount, state.Refunded, state.Status));
    }

    [Fact]
    public void Replay_StartedAuthorization_IsPendingWithTheAmountAsked()
    {
        var state = Replay(new PaymentStepStarted(At, "authorize", 50m, Card));

        var snapshot = state.ToSnapshot()!;
        Assert.Equal((PaymentStatus.Pending, PaymentMethod.Card, 50m, 0m), (snapshot.Status, snapshot.Method, snapshot.Amount, snapshot.Captured));
    }

    private static PaymentState Replay(params PaymentEvent[] entries)
    {
        var state = new PaymentState();
        foreach (var entry in entries)
        {
            state.Apply(entry);
        }

        return state;
    }
}
