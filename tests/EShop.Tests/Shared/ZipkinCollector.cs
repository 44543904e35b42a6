using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EShop.Tests.Shared;

// A Zipkin collector of the test's own (POST /api/v2/spans, Zipkin's JSON v2), so that hosts started with
// OTEL_TRACES_EXPORTER=zipkin can be checked for the spans they really export.
public sealed class ZipkinCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ZipkinCollector(WebApplication app, string endpoint, ConcurrentBag<Span> spans) => (_app, Endpoint, Spans) = (app, endpoint, spans);

    public string Endpoint { get; }

    public ConcurrentBag<Span> Spans { get; }

    public sealed record Span(string TraceId, string Id, string? ParentId, string Name, string Service, string? Kind, IReadOnlyDictionary<string, string> Tags);

    public static async Task<ZipkinCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var spans = new ConcurrentBag<Span>();
        app.MapPost("/api/v2/spans", async (HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            foreach (var span in document.RootElement.EnumerateArray())
            {
                spans.Add(new Span(
                    span.GetProperty("traceId").GetString()!,
                    span.GetProperty("id").GetString()!,
                    span.TryGetProperty("parentId", out var parent) ? parent.GetString() : null,
                    span.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
                    span.GetProperty("localEndpoint").GetProperty("serviceName").GetString()!,
                    span.TryGetProperty("kind", out var kind) ? kind.GetString() : null,
                    span.TryGetProperty("tags", out var tags) ? tags.EnumerateObject().ToDictionary(t => t.Name, t => t.Value.ToString()) : []));
            }

            return Results.Accepted();
        });
        await app.StartAsync();
        return new ZipkinCollector(app, new Uri(new Uri(app.Urls.First()), "/api/v2/spans").ToString(), spans);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
