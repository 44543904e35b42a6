using EShop.Sandbox;
using Orleans.Runtime;

namespace EShop.Silo.Hosting;

// The sandbox processor, carrier and mail server served by the silo itself on a loopback port, for when no third party is
// configured (a bare `dotnet run`, the test cluster): the silo's HTTP clients then call this, through the same code
// and resilience pipeline as they would a real processor. Started before the grains can run, stopped with the silo.
public sealed partial class LocalSandbox(IConfiguration configuration, ILogger<LocalSandbox> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private WebApplication? _app;

    public Uri Url { get; private set; } = null!;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LocalSandbox), ServiceLifecycleStage.RuntimeInitialize, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // An endpoint of its own, whatever Urls the silo's configuration (below) names for the silo.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        // The silo's configuration (and its reloads) is the sandbox's: feature flags switch both.
        builder.Configuration.AddSandboxDefaults().AddConfiguration(configuration);
        builder.Services.AddSandbox(builder.Configuration);
        _app = builder.Build();
        _app.MapSandbox();
        await _app.StartAsync(cancellationToken);
        Url = new Uri(_app.Urls.First());
        LogStarted(logger, Url);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }
    }

    // A warning: a silo left without EShop:Payments:ProcessorUrl takes orders that no real money pays for.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A third party is not configured (EShop:Payments:ProcessorUrl, EShop:Shipping:CarrierUrl, EShop:Mail:Url): the sandbox ones answer at {Url}; no real money moves and no mail leaves")]
    private static partial void LogStarted(ILogger logger, Uri url);
}
