using System.Net;
using EShop.GraphQLGateway.Hosting;
using GraphQL;
using Orleans.Runtime;

namespace EShop.Tests.Http;

// The gateway's guard against grain calls lost with a killed silo (its end-to-end test kills a silo behind a running
// gateway: SiloCrashTests).
public sealed class SiloDeparturesTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(50);

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    [Fact]
    public void Observe_SignalsOnlyWhenAnActiveSiloLeaves()
    {
        var departures = new SiloDepartures(TimeProvider.System);
        var first = departures.Departure;
        departures.Observe([Silo(1), Silo(2)]);
        departures.Observe([Silo(1), Silo(2), Silo(3)]);
        Assert.False(first.IsCancellationRequested);

        departures.Observe([Silo(1), Silo(3)]);
        Assert.True(first.IsCancellationRequested);

        // Calls made after the departure wait for the next one.
        var second = departures.Departure;
        Assert.False(second.IsCancellationRequested);
        departures.Observe([Silo(1), Silo(3)]);
        departures.Observe([Silo(1), Silo(3), Silo(4)]);
        Assert.False(second.IsCancellationRequested);
        departures.Observe([Silo(3), Silo(4)]);
        Assert.True(second.IsCancellationRequested);
    }

    [Fact]
    public async Task UnlessLost_CallUnansweredPastTheGraceAfterADeparture_FailsWithUnavailable()
    {
        var call = new TaskCompletionSource();
        using var departure = new CancellationTokenSource();
        var waiting = SiloDepartures.UnlessLostAsync(call.Task, departure.Token, Grace, TimeProvider.System);
        departure.Cancel();

        var error = await Assert.ThrowsAsync<ExecutionError>(() => waiting);
        Assert.Equal(ClusterCircuit.UnavailableCode, error.Code);
    }

    [Fact]
    public async Task UnlessLost_CallAnsweredWithinTheGrace_KeepsItsOutcome()
    {
        var answered = new TaskCompletionSource();
        var failed = new TaskCompletionSource();
        using var departure = new CancellationTokenSource();
        var waitingForAnswer = SiloDepartures.UnlessLostAsync(answered.Task, departure.Token, TimeSpan.FromSeconds(30), TimeProvider.System);
        var waitingForFailure = SiloDepartures.UnlessLostAsync(failed.Task, departure.Token, TimeSpan.FromSeconds(30), TimeProvider.System);
        departure.Cancel();

        answered.SetResult();
        failed.SetException(new TimeoutException("the call's own timeout"));
        await waitingForAnswer;
        Assert.Equal("the call's own timeout", (await Assert.ThrowsAsync<TimeoutException>(() => waitingForFailure)).Message);
    }

    [Fact]
    public async Task UnlessLost_WithoutADeparture_WaitsAsLongAsTheCallTakes()
    {
        var call = new TaskCompletionSource();
        using var departure = new CancellationTokenSource();
        var waiting = SiloDepartures.UnlessLostAsync(call.Task, departure.Token, Grace, TimeProvider.System);

        await Task.Delay(Grace * 4);
        Assert.False(waiting.IsCompleted);
        call.SetResult();
        await waiting;
    }
}
