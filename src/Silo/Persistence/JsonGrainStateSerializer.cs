using System.Text.Json;
using System.Text.Json.Nodes;
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
