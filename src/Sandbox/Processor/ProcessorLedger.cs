using System.Collections.Concurrent;

namespace EShop.Sandbox.Processor;

// The processor's own record of every authorization, declined ones included: tests read it to prove that nothing
// was charged twice.
internal sealed class ProcessorLedger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Authorization> authorizations = new(StringComparer.Ordinal);

    public ApiResponse Authorize(AuthorizationRequest request)
    {
        var authorization = new Authorization($"auth_{Guid.NewGuid():N}", request, TestCardTokens.DeclineCodeFor(request.Token), time.GetUtcNow());
        authorizations[authorization.Id] = authorization;
        return ApiResponse.Ok(authorization.ToResponse());
    }

    public ApiResponse Capture(string id) => Find(id)?.Capture() ?? SandboxErrors.NotFound;

    public ApiResponse Void(string id) => Find(id)?.Void() ?? SandboxErrors.NotFound;

    public ApiResponse Refund(RefundRequest request) => Find(request.AuthorizationId)?.Refund(request.Amount) ?? SandboxErrors.NotFound;

    public IReadOnlyList<ChargeRecord> Charges(string? reference) =>
    [
        .. authorizations.Values
            .Where(a => reference is null || a.Reference == reference)
            .Select(a => a.ToRecord())
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id, StringComparer.Ordinal),
    ];

    private Authorization? Find(string? id) => id is not null && authorizations.TryGetValue(id, out var authorization) ? authorization : null;
}
