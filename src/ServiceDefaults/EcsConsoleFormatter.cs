using System.Buffers;
using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace EShop.ServiceDefaults;

// One JSON object per line in the Elastic Common Schema's logging format (what Elastic's ecs-logging libraries write),
// so Filebeat or Logstash ship the console to Elasticsearch as it is: @timestamp, log.level, message, ecs.version,
// log.logger, event.code and event.action (the EventId's number and name: ECS's event.id is a unique id per event,
// which an EventId is not), service.name, trace.id and span.id of the current span, error.* for an exception, and the
// message's named values and the scopes' under labels. Labels are ECS's place for custom fields and are keywords: an
// OrderId, a Reason or a Total is a string there, so two messages that use one name with different types never make
// Elasticsearch reject a document over a mapping conflict (figures to sum are metrics, not log fields).
public sealed class EcsConsoleFormatter(IOptionsMonitor<EcsConsoleFormatterOptions> options, TimeProvider time) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "ecs";

    public const string EcsVersion = "8.11.0";

    // The template, and the ids the host's activity tracking adds as a scope to every line: trace.id and span.id say those.
    private static readonly HashSet<string> NotLabels = ["{OriginalFormat}", "TraceId", "SpanId", "ParentId"];

    // Not embedded in HTML: non-ASCII letters and quotes stay readable in the file.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@timestamp", time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("log.level", Level(logEntry.LogLevel));
            json.WriteString("message", message ?? logEntry.Exception!.Message);
            json.WriteString("ecs.version", EcsVersion);
            json.WriteString("log.logger", logEntry.Category);
            if (logEntry.EventId.Id != 0)
            {
                json.WriteString("event.code", logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(logEntry.EventId.Name))
            {
                json.WriteString("event.action", logEntry.EventId.Name);
            }

            json.WriteString("service.name", settings.ServiceName);

            // The console logger formats on the thread that logs, so the current span is the one the line belongs to.
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                json.WriteString("trace.id", activity.TraceId.ToHexString());
                json.WriteString("span.id", activity.SpanId.ToHexString());
            }

            if (logEntry.Exception is { } exception)
            {
                json.WriteString("error.type", exception.GetType().FullName);
                json.WriteString("error.message", exception.Message);
                json.WriteString("error.stack_trace", exception.ToString());
            }

            WriteLabels(json, logEntry.State, settings.IncludeScopes ? scopeProvider : null);
            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    // The configuration's level names, lower-cased: Logging:LogLevel:X = Warning shows as log.level "warning".
    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "information",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };

    // The scopes' named values, outermost first, then the message's own: the message wins a name both have.
    private static void WriteLabels<TState>(Utf8JsonWriter json, TState state, IExternalScopeProvider? scopes)
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        scopes?.ForEachScope(static (scope, labels) => Collect(scope, labels), labels);
        Collect(state, labels);
        if (labels.Count == 0)
        {
            return;
        }

        json.WriteStartObject("labels");
        foreach (var (key, value) in labels)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void Collect(object? values, Dictionary<string, string?> labels)
    {
        if (values is not IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            return;
        }

        foreach (var (key, value) in pairs)
        {
            if (!NotLabels.Contains(key))
            {
                // ECS: label names hold no dots (a dot would nest an object under labels).
                labels[key.Replace('.', '_')] = Label(value);
            }
        }
    }

    private static string? Label(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Label)),
        _ => value.ToString(),
    };
}
