namespace EShop.Silo.DemoCatalog;

// EShop:DemoCatalog:Enabled loads the demo catalog at start when the catalog has no categories yet.
public sealed class DemoCatalogOptions
{
    public const string Section = "EShop:DemoCatalog";

    public bool Enabled { get; set; }
}
