using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EShop.Silo.Persistence;

// Events as stored JSON: an envelope {"type", "event"} naming the event's [Alias], as grain state does, so a class
// rename loses nothing. The concrete type is found among the subtypes of the log's base event type.
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Subtypes = new();

    public static string Serialize<TEvent>(TEvent domainEvent) where TEvent : class =>
        new JsonObject
        {
            ["type"] = StoredTypeName.Of(domainEvent.GetType()),
            ["event"] = JsonSerializer.SerializeToNode(domainEvent, domainEvent.GetType(), Options),
        }.ToJsonString(Options);

    public static TEvent Deserialize<TEvent>(string json) where TEvent : class
    {
        var envelope = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A stored event is not a JSON object.");
        var name = envelope["type"]?.GetValue<string>() ?? throw new JsonException("A stored event names no type.");
        var type = SubtypesOf(typeof(TEvent)).GetValueOrDefault(name)
            ?? throw new JsonException($"A stored event is a '{name}', which is not a {StoredTypeName.Of(typeof(TEvent))}.");
        return (TEvent)envelope["event"].Deserialize(type, Options)!;
    }

    private static IReadOnlyDictionary<string, Type> SubtypesOf(Type baseType) => Subtypes.GetOrAdd(baseType, b =>
        b.Assembly.GetTypes().Where(t => !t.IsAbstract && b.IsAssignableFrom(t)).ToDictionary(StoredTypeName.Of));
}
