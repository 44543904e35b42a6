namespace EShop.Shared;

public static class Partitions
{
    // The partition of a random id (an order's, a customer's): its first four bytes, which .NET's Guid layout keeps the
    // same everywhere, unlike Guid.GetHashCode, which it does not promise to keep. Stored data is placed by it.
    public static int Of(Guid id, int count)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return (int)(BitConverter.ToUInt32(bytes[..4]) % (uint)count);
    }
}
