using System.Diagnostics;
using EShop.Catalog;
using Microsoft.Extensions.Options;

namespace EShop.Silo.DemoCatalog;

/// <summary>Loads <see cref="DemoCatalogData"/> through the admin commands, as an admin would, when enabled and the catalog is empty.</summary>
public sealed partial class DemoCatalogLoader(IGrainFactory grains, IOptions<DemoCatalogOptions> options, ILogger<DemoCatalogLoader> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !(await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetCategoriesAsync()).IsEmpty)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        foreach (var category in DemoCatalogData.CategoryList)
        {
            await admin.UpsertCategoryAsync(category.Id, category.Name);
        }

        var count = 0;
        await Parallel.ForEachAsync(
            DemoCatalogData.Products(),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (product, _) =>
            {
                var result = await admin.UpsertProductAsync(product.Id, product.Details);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Demo product {product.Id} was refused: {result.Errors[0].Message}");
                }

                Interlocked.Increment(ref count);
            });
        LogLoaded(logger, count, watch.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo catalog: {Count} products in {Seconds:F1} s")]
    private static partial void LogLoaded(ILogger logger, int count, double seconds);
}
