namespace EShop.Silo.Hosting;

/// <summary>The first administrator, from <c>EShop:Admin</c> (environment: <c>EShop__Admin__Email</c>, <c>EShop__Admin__Password</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "EShop:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string Name { get; set; } = "Administrator";
}
