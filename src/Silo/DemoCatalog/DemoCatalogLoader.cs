using EShop.Customers;
using System.Diagnostics;
using EShop.Catalog;
using Microsoft.Extensions.Options;

namespace EShop.Silo.DemoCatalog;

// Loads DemoCatalogData through the admin commands, as an admin would: categories one by one, products in bulk
// imports of ICatalogAdminGrain.MaxImport, a few at a time.
public sealed partial class DemoCatalogLoader(IGrainFactory grains, IOptions<DemoCatalogOptions> options, ILogger<DemoCatalogLoader> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        StaffContext.Grant(StaffContext.System);
        if (!options.Value.Enabled)
        {
            return;
        }

        // Only what is missing: a load cut short finishes on the next start, and products that exist keep their
        // stock and prices. Silos starting together may both load a product; the upserts are identical.
        var products = DemoCatalogData.Products(options.Value.ProductsPerCategory).ToList();
        var existing = (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductsAsync([.. products.Select(p => p.Id)]))
            .Select(p => p.Id).ToHashSet();
        var missing = products.Where(p => !existing.Contains(p.Id)).Select(p => new ProductImport(p.Id, p.Details)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        foreach (var category in DemoCatalogData.CategoryList)
        {
            await admin.UpsertCategoryAsync(category.Id, category.Name);
        }

        await Parallel.ForEachAsync(
            missing.Chunk(ICatalogAdminGrain.MaxImport),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, _) =>
            {
                var result = await admin.ImportProductsAsync([.. batch]);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"The demo catalog was refused: {result.Errors[0].Message}");
                }
            });
        LogLoaded(logger, missing.Count, watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo catalog: {Count} products in {Seconds:F1} s")]
    private static partial void LogLoaded(ILogger logger, int count, double seconds);
}
