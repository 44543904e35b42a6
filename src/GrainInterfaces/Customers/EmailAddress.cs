using EShop.Shared;

namespace EShop.Customers;

public static class EmailAddress
{
    /// <summary>An address as the shop keeps it: trimmed and lower-cased, so case never makes a second account.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// The e-mail index's grain key for an address: the SHA-256 of its normalized form, in hex. A grain id travels in
    /// spans, in Orleans' logs and on the dashboard; the address itself is personal data and stays out of them.
    /// </summary>
    public static string IndexKey(string email) => Digest.Hex(Normalize(email));
}
