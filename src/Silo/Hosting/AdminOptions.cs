namespace EShop.Silo.Hosting;

// The first administrator, from EShop:Admin (environment: EShop__Admin__Email, EShop__Admin__Password).
public sealed class AdminOptions
{
    public const string Section = "EShop:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string Name { get; set; } = "Administrator";
}
