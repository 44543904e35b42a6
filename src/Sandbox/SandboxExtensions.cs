using EShop.Sandbox.Carrier;
using EShop.Sandbox.Mail;
using EShop.Sandbox.Processor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.FeatureManagement;

namespace EShop.Sandbox;

// The sandbox runs as its own process (Program.cs) or inside another host such as the silo; both go through these
// two calls, so the sandbox is configured in one place.
public static class SandboxExtensions
{
    // Settings a sandbox has unless its configuration says otherwise: its carrier's parcels move on their own.
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        [$"FeatureManagement:{CarrierFeatures.AutomaticProgress}"] = "true",
    };

    // Puts the defaults under every other source of the host's configuration.
    public static IConfigurationBuilder AddSandboxDefaults(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Defaults });
        return configuration;
    }

    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeatureManagement();
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
        services.TryAddSingleton<Mailbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProcessor();
        endpoints.MapCarrier();
        endpoints.MapMail();
        return endpoints;
    }
}
