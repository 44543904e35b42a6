using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace EShop.Silo.Persistence;

// Grain state as System.Text.Json, stored as jsonb: readable with plain SQL, and independent of CLR type names —
// the state type is known from the grain, so nothing in the payload names a class, and a rename loses nothing.
// Enums are written by name so reordering members cannot change what stored numbers mean.
public sealed class JsonGrainStateSerializer(ParticipantIdJsonConverter participants) : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(), participants },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options)!;
}
