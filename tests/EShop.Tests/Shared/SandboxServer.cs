using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EShop.Tests.Shared;

// The sandbox processor and carrier as a third party of their own (src/Sandbox on a loopback port), so a test can
// turn the processor down or flaky and read its record of charges, the truth about what money moved.
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests;

    private SandboxServer(WebApplication app, Uri url, ConcurrentDictionary<string, int> requests)
    {
        _app = app;
        _requests = requests;
        Url = url;
        Http = new HttpClient { BaseAddress = url };
    }

    public Uri Url { get; }

    public HttpClient Http { get; }

    // Configuration a test may change while the sandbox runs (its feature flags).
    public SwitchableConfiguration Switches { get; private init; } = null!;

    public static async Task<SandboxServer> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var switches = new SwitchableConfiguration();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddSandboxDefaults().AddInMemoryCollection(settings).Add(switches);
        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        var requests = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            requests.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, n) => n + 1);
            return next(context);
        });
        app.MapSandbox();
        await app.StartAsync();
        return new SandboxServer(app, new Uri(app.Urls.First()), requests) { Switches = switches };
    }

    // How many requests came with this method and path so far ("GET /carrier/v1/shipments/…").
    public int RequestsTo(string methodAndPath) => _requests.GetValueOrDefault(methodAndPath);

    // down: every processor call answers 503; failureRate: that share of calls fail, half of them after doing the work.
    public async Task SetProcessorAsync(bool down = false, double failureRate = 0, int latencyMs = 0)
    {
        using var response = await Http.PutAsJsonAsync("/sandbox/processor/behaviour", new { down, failureRate, latencyMs });
        response.EnsureSuccessStatusCode();
    }

    // The processor calls it has received so far.
    public async Task<long> ProcessorCallsAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/sandbox/processor/behaviour")).GetProperty("calls").GetInt64();

    // The processor's own record of the authorizations for one order (reference: the order id).
    public async Task<JsonElement[]> ChargesAsync(Guid orderId) =>
        (await Http.GetFromJsonAsync<JsonElement[]>($"/processor/v1/charges?reference={orderId}"))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
