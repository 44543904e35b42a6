namespace EShop.Payments;

public sealed record ProcessorAuthorization(string Id, bool Approved, string? DeclineCode);
