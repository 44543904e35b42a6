namespace EShop.Silo.DemoCatalog;

/// <summary><c>EShop:DemoCatalog:Enabled</c> loads the demo catalog at start when the catalog has no categories yet.</summary>
public sealed class DemoCatalogOptions
{
    public const string Section = "EShop:DemoCatalog";

    public bool Enabled { get; set; }
}
