using System.Text.Json.Serialization;

namespace EShop.Sandbox.Processor;

[JsonConverter(typeof(JsonStringEnumConverter<AuthorizationStatus>))]
internal enum AuthorizationStatus
{
    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("declined")]
    Declined,

    [JsonStringEnumMemberName("captured")]
    Captured,

    [JsonStringEnumMemberName("voided")]
    Voided,
}
