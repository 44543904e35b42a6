using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;
using Orleans.Transactions;

namespace EShop.Silo.Persistence;

// Transactional state records name the transaction managers of pending and committed transactions. Those hold a
// live grain reference, which only Orleans' serializer can rebuild, so they are kept as its bytes (base64).
public sealed class ParticipantIdJsonConverter(Serializer<ParticipantId> serializer) : JsonConverter<ParticipantId>
{
    public override ParticipantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        serializer.Deserialize(reader.GetBytesFromBase64());

    public override void Write(Utf8JsonWriter writer, ParticipantId value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(serializer.SerializeToArray(value));
}
