using EShop.Sandbox.Carrier;
using EShop.Sandbox.Processor;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EShop.Sandbox;

// The sandbox runs as its own process (Program.cs) or inside another host such as the silo; both go through these
// two calls, so the sandbox is configured in one place.
public static class SandboxExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(typeof(IdempotencyStore<>));

        // Bound, not read now: a test host may add its configuration after this call.
        services.AddOptions<ProcessorOptions>().Bind(configuration.GetSection(ProcessorOptions.Section))
            .Validate(o => o.LatencyMs >= 0 && o.FailureRate is >= 0 and <= 1, "Sandbox:Processor needs LatencyMs >= 0 and FailureRate in 0..1.")
            .ValidateOnStart();
        services.AddOptions<CarrierOptions>().Bind(configuration.GetSection(CarrierOptions.Section))
            .Validate(o => o.SandboxStepInterval > TimeSpan.Zero, "EShop:Shipping:SandboxStepInterval must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton<ProcessorFaults>();
        services.TryAddSingleton<ProcessorLedger>();
        services.TryAddSingleton<CarrierLedger>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProcessor();
        endpoints.MapCarrier();
        return endpoints;
    }
}
