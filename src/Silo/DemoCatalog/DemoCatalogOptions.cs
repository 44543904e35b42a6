namespace EShop.Silo.DemoCatalog;

// EShop:DemoCatalog:Enabled loads the demo catalog at start, what of it is missing. ProductsPerCategory makes it
// bigger for load tests: 8334 gives 100,008 products.
public sealed class DemoCatalogOptions
{
    public const string Section = "EShop:DemoCatalog";

    public bool Enabled { get; set; }

    public int ProductsPerCategory { get; set; } = DemoCatalogData.ProductsPerCategory;
}
