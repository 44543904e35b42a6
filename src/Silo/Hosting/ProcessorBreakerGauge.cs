using System.Diagnostics.Metrics;
using Polly;

namespace EShop.Silo.Hosting;

// eshop_payments_breaker_state: the payment processor client's circuit breaker, 0 closed, 0.5 half-open, 1 open, as its
// callbacks last reported it on this silo.
public sealed class ProcessorBreakerGauge
{
    private double _state;

    public ProcessorBreakerGauge(IMeterFactory meters) =>
        meters.Create("EShop.Payments").CreateObservableGauge("eshop.payments.breaker.state", () => Volatile.Read(ref _state), null,
            "The payment processor's circuit breaker: 0 closed, 0.5 half-open, 1 open.");

    public ValueTask Opened() => Set(1);

    public ValueTask HalfOpened() => Set(0.5);

    public ValueTask Closed() => Set(0);

    private ValueTask Set(double state)
    {
        Volatile.Write(ref _state, state);
        return ValueTask.CompletedTask;
    }
}
