using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace EShop.Tests.Shared;

// Keeps what the shop tells its logs and its traces in this process, as text to search: every log entry's formatted
// message, named values, scopes and exception (from the hosts it is added to, at Information and up in every category,
// more than the hosts' own levels let through), and the name and tags of every span of ours, Orleans', ASP.NET Core's
// and HttpClient's (spans are process-wide: other tests' spans are kept too).
public sealed class TelemetryRecorder : IDisposable
{
    private const string IdSetting = "Tests:TelemetryRecorder";

    // TestCluster builds its silos' configurators by type; they find their recorder by the id in the configuration.
    private static readonly ConcurrentDictionary<string, TelemetryRecorder> Recorders = new();

    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly ConcurrentQueue<Recorded> _recorded = new();
    private readonly ActivityListener _spans;

    public TelemetryRecorder()
    {
        Recorders[_id] = this;
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("EShop.", StringComparison.Ordinal)
                || source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)
                || source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = RecordSpan,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public sealed record Recorded(string Kind, string Origin, string Text)
    {
        public override string ToString() => $"{Kind} {Origin}: {Text}";
    }

    public IReadOnlyList<Recorded> All => [.. _recorded];

    // Every piece of text recorded that holds value (case-insensitive).
    public IReadOnlyList<Recorded> Containing(string value) =>
        [.. _recorded.Where(r => r.Text.Contains(value, StringComparison.OrdinalIgnoreCase))];

    // The silos of the cluster TestSilo builds log here too.
    public void AddTo(TestClusterBuilder cluster)
    {
        cluster.Properties[IdSetting] = _id;
        cluster.AddSiloBuilderConfigurator<SiloConfigurator>();
    }

    // A provider per host: each logger factory has scopes of its own.
    public void AddTo(ILoggingBuilder logging) =>
        logging.AddProvider(new Provider(this)).AddFilter<Provider>(null, LogLevel.Information);

    public void Dispose()
    {
        _spans.Dispose();
        Recorders.TryRemove(_id, out _);
    }

    private void RecordLog<TState>(string category, string message, TState state, Exception? exception, IExternalScopeProvider? scopes)
    {
        Add("log", category, message);
        AddValues("log", category, state);
        scopes?.ForEachScope(static (scope, target) => target.recorder.AddValues("log scope", target.category, scope), (recorder: this, category));
        if (exception is not null)
        {
            Add("log exception", category, exception.ToString());
        }
    }

    private void RecordSpan(Activity activity)
    {
        var origin = $"{activity.Source.Name} {activity.OperationName}";
        Add("span", origin, activity.DisplayName);
        Add("span", origin, activity.OperationName);
        if (activity.StatusDescription is { } status)
        {
            Add("span status", origin, status);
        }

        foreach (var (key, value) in activity.TagObjects)
        {
            Add("span tag", origin, $"{key}={Text(value)}");
        }

        foreach (var (key, value) in activity.Baggage)
        {
            Add("span baggage", origin, $"{key}={value}");
        }

        foreach (var spanEvent in activity.Events)
        {
            Add("span event", origin, spanEvent.Name);
            foreach (var (key, value) in spanEvent.Tags)
            {
                Add("span event tag", origin, $"{key}={Text(value)}");
            }
        }
    }

    private void AddValues(string kind, string origin, object? values)
    {
        if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                Add(kind, origin, $"{key}={Text(value)}");
            }
        }
        else if (values is not null)
        {
            Add(kind, origin, Text(values));
        }
    }

    private void Add(string kind, string origin, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _recorded.Enqueue(new Recorded(kind, origin, text));
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? "",
    };

    private sealed class Provider(TelemetryRecorder recorder) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private void Record<TState>(string category, string message, TState state, Exception? exception) =>
            recorder.RecordLog(category, message, state, exception, _scopes);

        private sealed class Logger(Provider provider, string category) : ILogger
        {
            // Scopes come through the factory's scope provider (ISupportExternalScope).
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Record(category, formatter(state, exception), state, exception);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var recorder = Recorders[siloBuilder.Configuration[IdSetting]!];
            siloBuilder.Services.AddLogging(recorder.AddTo);
        }
    }
}
