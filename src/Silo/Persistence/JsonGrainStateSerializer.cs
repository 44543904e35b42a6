using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EShop.Shared;
using Orleans.Storage;

namespace EShop.Silo.Persistence;

// Grain state as System.Text.Json, stored as jsonb: readable with plain SQL. Each payload is an envelope
// {"type": ..., "state": ...} whose type is the state's [Alias] name (e.g. "eshop.catalog.ProductState"), never a CLR
// name, so renaming or moving a class loses nothing; reading a row of another type fails loudly instead of
// deserializing garbage. Enums are written by name so reordering members cannot change what stored values mean;
// abstract types (the events in an order's outbox) name their concrete type the same way.
// [PersonalData] properties are stored encrypted when a key is configured (PersonalDataProtector).
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    public JsonGrainStateSerializer(ParticipantIdJsonConverter participants, PersonalDataProtector personalData)
    {
        _options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            IgnoreReadOnlyProperties = true,
            Converters = { new JsonStringEnumConverter(), new AliasedSubtypeConverterFactory(), participants },
        };
        if (personalData.Enabled)
        {
            _options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { type => EncryptPersonalData(type, personalData) } };
        }
    }

    // Written and read in one pass, without building the envelope as a DOM first: the transactional store writes a
    // participant's record at every prepare and commit, and the DOM was a copy of each state too many.
    public BinaryData Serialize<T>(T? input)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = _options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", StoredTypeName.Of(typeof(T)));
            writer.WritePropertyName("state");
            JsonSerializer.Serialize(writer, input, _options);
            writer.WriteEndObject();
        }

        return new(buffer.WrittenMemory);
    }

    public T Deserialize<T>(BinaryData input)
    {
        using var envelope = JsonDocument.Parse(input.ToMemory());
        if (envelope.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Stored grain state is not a JSON object.");
        }

        var expected = StoredTypeName.Of(typeof(T));
        var stored = envelope.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        if (stored != expected)
        {
            throw new JsonException($"Stored grain state is a '{stored}', not the '{expected}' this grain reads.");
        }

        return envelope.RootElement.TryGetProperty("state", out var state) ? state.Deserialize<T>(_options)! : default!;
    }

    private static void EncryptPersonalData(JsonTypeInfo type, PersonalDataProtector protector)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), inherit: false) == true)
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(
                    typeof(EncryptedConverter<>).MakeGenericType(property.PropertyType), protector, $"{type.Type.Name}.{property.Name}")!;
            }
        }
    }

    // The property's value as JSON, encrypted into a string; the property's name is the associated data.
    private sealed class EncryptedConverter<TValue>(PersonalDataProtector protector, string field) : JsonConverter<TValue>
    {
        public override bool HandleNull => true;

        public override TValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || typeof(TValue) == typeof(string) && !PersonalDataProtector.IsProtected(reader.GetString() ?? ""))
            {
                // Stored before encryption was configured: the plain value.
                return JsonSerializer.Deserialize<TValue>(ref reader, options);
            }

            return JsonSerializer.Deserialize<TValue>(protector.Unprotect(reader.GetString()!, field), options);
        }

        public override void Write(Utf8JsonWriter writer, TValue value, JsonSerializerOptions options) =>
            writer.WriteStringValue(protector.Protect(JsonSerializer.Serialize(value, options), field));
    }
}
