using System.Diagnostics;
using System.Text.Json;
using EShop.ServiceDefaults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EShop.Tests.Observability;

// The console's JSON lines, field by field, as Elasticsearch reads them with the Elastic Common Schema.
public sealed partial class EcsConsoleFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void Write_ErrorWithExceptionInsideASpanAndAScope_IsOneLineOfEcsJson()
    {
        using var source = new ActivitySource("EShop.Tests.Ecs");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var (factory, lines) = LoggerFactoryWritingTo("eshop-silo");
        var logger = factory.CreateLogger("EShop.Ordering.OrderProcessGrain");
        var orderId = Guid.Parse("3f2a1c4e-0000-4000-8000-000000000001");
        var exception = Thrown(new InvalidOperationException("The processor refused \"capture\"."));

        using var activity = source.StartActivity("saga pass")!;
        using (logger.BeginScope("Order {OrderId}", orderId))
        using (logger.BeginScope("Saga {Step}", "capture"))
        {
            LogStuck(logger, exception, orderId, 12.50m, true);
        }

        var line = Assert.Single(lines);
        Assert.DoesNotContain("\n", line.TrimEnd('\n', '\r'));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("2026-11-27T10:15:30.1230000Z", json.GetProperty("@timestamp").GetString());
        Assert.Equal("error", json.GetProperty("log.level").GetString());
        Assert.Equal($"Order {orderId} stuck at 12.50 (retrying: True)", json.GetProperty("message").GetString());
        Assert.Equal("8.11.0", json.GetProperty("ecs.version").GetString());
        Assert.Equal("EShop.Ordering.OrderProcessGrain", json.GetProperty("log.logger").GetString());
        Assert.Equal("4711", json.GetProperty("event.code").GetString());
        Assert.Equal("OrderStuck", json.GetProperty("event.action").GetString());
        Assert.Equal("eshop-silo", json.GetProperty("service.name").GetString());
        Assert.Equal(activity.TraceId.ToHexString(), json.GetProperty("trace.id").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), json.GetProperty("span.id").GetString());
        Assert.Equal("System.InvalidOperationException", json.GetProperty("error.type").GetString());
        Assert.Equal("The processor refused \"capture\".", json.GetProperty("error.message").GetString());
        Assert.Equal(exception.ToString(), json.GetProperty("error.stack_trace").GetString());
        Assert.Contains(nameof(Thrown), json.GetProperty("error.stack_trace").GetString());
        var labels = json.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            ["OrderId"] = orderId.ToString(),
            ["Step"] = "capture",
            ["Amount"] = "12.50",
            ["Retrying"] = "true",
        }, labels);
    }

    [Fact]
    public void Write_InformationOutsideAnySpan_HasNoTraceNoErrorAndNoEmptyLabels()
    {
        var (factory, lines) = LoggerFactoryWritingTo("eshop-gateway");

        factory.CreateLogger("Test").LogInformation("Plain text");

        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(
            ["@timestamp", "log.level", "message", "ecs.version", "log.logger", "service.name"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("information", json.GetProperty("log.level").GetString());
        Assert.Equal("eshop-gateway", json.GetProperty("service.name").GetString());
    }

    [LoggerMessage(EventId = 4711, EventName = "OrderStuck", Level = LogLevel.Error, Message = "Order {OrderId} stuck at {Amount} (retrying: {Retrying})")]
    private static partial void LogStuck(ILogger logger, Exception exception, Guid orderId, decimal amount, bool retrying);

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception thrown)
        {
            return thrown;
        }
    }

    // A logger factory whose one provider formats with the ECS formatter, one string per entry.
    private static (ILoggerFactory Factory, List<string> Lines) LoggerFactoryWritingTo(string serviceName)
    {
        var formatter = new EcsConsoleFormatter(new FixedOptions(new EcsConsoleFormatterOptions { ServiceName = serviceName }), new FixedClock());
        var lines = new List<string>();
        var factory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new FormattingProvider(formatter, lines)));
        return (factory, lines);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedOptions(EcsConsoleFormatterOptions value) : IOptionsMonitor<EcsConsoleFormatterOptions>
    {
        public EcsConsoleFormatterOptions CurrentValue => value;

        public EcsConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EcsConsoleFormatterOptions, string?> listener) => null;
    }

    private sealed class FormattingProvider(EcsConsoleFormatter formatter, List<string> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ILogger CreateLogger(string categoryName) => new FormattingLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private void Write<TState>(in LogEntry<TState> entry)
        {
            using var writer = new StringWriter();
            formatter.Write(entry, _scopes, writer);
            lines.Add(writer.ToString());
        }

        private sealed class FormattingLogger(FormattingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
