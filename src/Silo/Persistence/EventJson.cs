using System.Text.Json;
using System.Text.Json.Serialization;

namespace EShop.Silo.Persistence;

// Events as stored JSON: {"type": <the event's [Alias]>, "value": ...}, as grain state stores abstract types, so a class
// rename loses nothing and a row can be read with plain SQL.
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(), new AliasedSubtypeConverterFactory() },
    };

    public static string Serialize<TEvent>(TEvent domainEvent) where TEvent : class => JsonSerializer.Serialize(domainEvent, Options);

    public static TEvent Deserialize<TEvent>(string json) where TEvent : class =>
        JsonSerializer.Deserialize<TEvent>(json, Options) ?? throw new JsonException("A stored event is null.");
}
