using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace EShop.Silo.Persistence;

// Grain state as System.Text.Json, stored as jsonb: readable with plain SQL. Each payload is an envelope
// {"type": ..., "state": ...} whose type is the state's [Alias] name (e.g. "eshop.catalog.ProductState"), never a CLR
// name, so renaming or moving a class loses nothing; reading a row of another type fails loudly instead of
// deserializing garbage. Enums are written by name so reordering members cannot change what stored values mean;
// abstract types (the events in an order's outbox) name their concrete type the same way.
public sealed class JsonGrainStateSerializer(ParticipantIdJsonConverter participants) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(), new AliasedSubtypeConverterFactory(), participants },
    };

    public BinaryData Serialize<T>(T? input) =>
        new(JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["type"] = StoredTypeName.Of(typeof(T)),
            ["state"] = JsonSerializer.SerializeToNode(input, _options),
        }, _options));

    public T Deserialize<T>(BinaryData input)
    {
        var envelope = JsonNode.Parse(input.ToMemory().Span) as JsonObject
            ?? throw new JsonException("Stored grain state is not a JSON object.");
        var expected = StoredTypeName.Of(typeof(T));
        var stored = envelope["type"]?.GetValue<string>();
        if (stored != expected)
        {
            throw new JsonException($"Stored grain state is a '{stored}', not the '{expected}' this grain reads.");
        }

        return envelope["state"].Deserialize<T>(_options)!;
    }
}
