using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EShop.Silo.Persistence;

// Abstract types with an [Alias] (domain events: OrderingEvent in an order's outbox, PaymentEvent in the ledger) are
// stored as {"type": <the concrete type's [Alias]>, "value": ...}, so JSON can tell which one to rebuild, and a class
// rename loses nothing. The concrete types are the subtypes in the abstract type's own assembly.
public sealed class AliasedSubtypeConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert is { IsAbstract: true, IsInterface: false } && typeToConvert.GetCustomAttribute<AliasAttribute>(inherit: false) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : class
    {
        private static readonly ConcurrentDictionary<string, Type> Subtypes = new(
            typeof(T).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t)).ToDictionary(StoredTypeName.Of, t => t));

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (!root.TryGetProperty("type", out var typeName) || typeName.GetString() is not { } name
                || !root.TryGetProperty("value", out var value))
            {
                throw new JsonException($"A stored {StoredTypeName.Of(typeof(T))} is not {{\"type\", \"value\"}}.");
            }

            var type = Subtypes.GetValueOrDefault(name) ?? throw new JsonException($"'{name}' is not a {StoredTypeName.Of(typeof(T))}.");
            return (T?)value.Deserialize(type, options);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("type", StoredTypeName.Of(value.GetType()));
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }
}
