namespace EShop.Sandbox.Processor;

// One element of GET /processor/v1/charges: what the processor believes happened to an authorization.
internal sealed record ChargeRecord(
    string Id,
    string? Reference,
    decimal Amount,
    string Currency,
    AuthorizationStatus Status,
    decimal Captured,
    decimal Refunded,
    string? DeclineCode,
    DateTimeOffset CreatedAt);
