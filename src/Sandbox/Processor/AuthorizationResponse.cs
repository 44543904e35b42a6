using System.Text.Json.Serialization;

namespace EShop.Sandbox.Processor;

internal sealed record AuthorizationResponse(
    string Id,
    AuthorizationStatus Status,
    decimal Amount,
    string Currency,
    string? Reference,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeclineCode);
