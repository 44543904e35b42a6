namespace EShop.Sandbox;

// What one idempotency key has seen. Fingerprint and Response are only read or written while holding Gate.
internal sealed class IdempotencyEntry
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? Fingerprint { get; set; }

    public ApiResponse? Response { get; set; }
}
