namespace EShop.Customers;

public static class EmailAddress
{
    /// <summary>The index key of an address: trimmed and lower-cased, so case never makes a second account.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
