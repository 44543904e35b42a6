using System.Security.Cryptography;
using System.Text;

namespace EShop.Ordering;

public static class OrderIds
{
    /// <summary>
    /// The order id a checkout creates, derived from the customer and the idempotency key: a retried checkout
    /// lands on the same order grain, whose committed state then says the order exists — also after a crash.
    /// </summary>
    public static Guid ForCheckout(Guid customerId, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{customerId:N}/{idempotencyKey}"));
        // Stamp the bytes as an RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
