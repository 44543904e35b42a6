using EShop.Customers;
using EShop.Payments;
using EShop.Shipping;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace EShop.Silo.Hosting;

// The payment processor, the carrier and the mail server: HTTP clients behind a resilience pipeline each (a timeout per attempt and in
// all, retries with jittered backoff on transient failures only, a circuit breaker), at the configured URLs or the
// silo's own sandbox. Every call they make carries an idempotency key, so retrying one is safe.
public static class ThirdParties
{
    public static ISiloBuilder AddThirdParties(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section);
        services.AddOptions<ShippingOptions>().BindConfiguration(ShippingOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        var payments = silo.Configuration.GetSection(PaymentsOptions.Section).Get<PaymentsOptions>() ?? new();
        var shipping = silo.Configuration.GetSection(ShippingOptions.Section).Get<ShippingOptions>() ?? new();
        var mail = silo.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new();
        if (payments.ProcessorUrl is null || shipping.CarrierUrl is null || mail.Url is null)
        {
            services.AddSingleton<LocalSandbox>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<LocalSandbox>());
        }

        // Made at start, so the breaker's gauge is scraped (as closed) before the first payment.
        services.AddSingleton<ProcessorBreakerGauge>();
        silo.AddStartupTask((services, _) =>
        {
            services.GetRequiredService<ProcessorBreakerGauge>();
            return Task.CompletedTask;
        });
        services.AddHttpClient<IPaymentProcessor, HttpPaymentProcessor>((sp, http) =>
                http.BaseAddress = sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.ProcessorUrl ?? sp.GetRequiredService<LocalSandbox>().Url)
            .AddStandardResilienceHandler()
            .Configure((options, sp) =>
            {
                Configure(options, silo.Configuration.GetSection($"{PaymentsOptions.Section}:Resilience"));
                var gauge = sp.GetRequiredService<ProcessorBreakerGauge>();
                (options.CircuitBreaker.OnOpened, options.CircuitBreaker.OnHalfOpened, options.CircuitBreaker.OnClosed) =
                    (_ => gauge.Opened(), _ => gauge.HalfOpened(), _ => gauge.Closed());
            });
        services.AddHttpClient<IMailer, HttpMailer>((sp, http) =>
                http.BaseAddress = sp.GetRequiredService<IOptions<MailOptions>>().Value.Url ?? sp.GetRequiredService<LocalSandbox>().Url)
            .AddStandardResilienceHandler(options => Configure(options, silo.Configuration.GetSection($"{MailOptions.Section}:Resilience")));
        services.AddHttpClient<ICarrier, HttpCarrier>((sp, http) =>
                http.BaseAddress = sp.GetRequiredService<IOptions<ShippingOptions>>().Value.CarrierUrl ?? sp.GetRequiredService<LocalSandbox>().Url)
            .AddStandardResilienceHandler(options => Configure(options, silo.Configuration.GetSection($"{ShippingOptions.Section}:Resilience")));
        return silo;
    }

    // Short enough that a saga step waiting on a dead processor gives its grain back within seconds (the order waits
    // for the next reminder instead); EShop:<context>:Resilience overrides any of it (HttpStandardResilienceOptions).
    private static void Configure(HttpStandardResilienceOptions options, IConfigurationSection overrides)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(20);
        options.CircuitBreaker.MinimumThroughput = 10;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
        overrides.Bind(options);
    }
}
