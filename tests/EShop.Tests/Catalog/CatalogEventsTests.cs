using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Shared;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace EShop.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class CatalogEventsTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AdminChanges_ArePublished_AndReachTheImplicitlySubscribedHistory()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m, stock: 4);
        var admin = _grains.GetGrain<ICatalogAdminGrain>(0);
        await admin.SetPriceAsync(product.Id, 11m);
        await admin.AdjustStockAsync(product.Id, 3);

        var history = await Eventually.MatchesAsync(() => _grains.GetGrain<IProductHistoryGrain>(product.Id).GetAsync(), h => h.Length == 3);

        Assert.Equal(
            [(1L, nameof(ProductCreated)), (2L, nameof(PriceChanged)), (3L, nameof(StockChanged))],
            history.Select(h => (h.Version, h.Type)));
        Assert.Equal("adjusted +3 -> 7", history[2].Detail);
    }

    [Fact]
    public async Task History_EventDeliveredTwice_IsRecordedOnce()
    {
        var product = await TestCatalog.CreateProductAsync(_grains);
        var history = _grains.GetGrain<IProductHistoryGrain>(product.Id);
        await Eventually.MatchesAsync(history.GetAsync, h => h.Length == 1);

        // Redeliver the creation event, as an at-least-once stream may after a crash.
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, IProductPartitionGrain.StreamKey(product.Id)));
        await stream.OnNextAsync(new ProductCreated(product, DateTimeOffset.UtcNow));
        await fixture.Grains.GetGrain<ICatalogAdminGrain>(0).AdjustStockAsync(product.Id, 1);

        var entries = await Eventually.MatchesAsync(history.GetAsync, h => h.Any(e => e.Version == 2));
        Assert.Equal([1L, 2L], entries.Select(e => e.Version));
    }

    [Fact]
    public async Task EventsOnAStreamKeyedBySku_AsEarlierReleasesPublished_ReachTheHistory()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var history = _grains.GetGrain<IProductHistoryGrain>(product.Id);
        await Eventually.MatchesAsync(history.GetAsync, h => h.Length == 1);

        // A message still in the queue from before the stream was keyed by shard.
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, product.Id));
        await stream.OnNextAsync(new StockChanged(product with { Stock = 4, Version = 2 }, DateTimeOffset.UtcNow, -1, StockChanged.Sold));

        var entries = await Eventually.MatchesAsync(history.GetAsync, h => h.Length == 2);
        Assert.Equal([(1L, nameof(ProductCreated)), (2L, nameof(StockChanged))], entries.Select(e => (e.Version, e.Type)));
    }

    [Fact]
    public async Task ARecordWrittenBehindTheFeed_IsReadAgain_AndKeepsWhatItHeld()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var history = _grains.GetGrain<IProductHistoryGrain>(product.Id);
        await Eventually.MatchesAsync(history.GetAsync, h => h.Length == 1);

        // Another writer of the record, as the history grain of an earlier release was (the same state name and grain
        // id): its write moves the record's ETag past the copy the feed keeps.
        var storage = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Catalog);
        var id = GrainId.Create("eshop.catalog.product-history", product.Id);
        var record = new GrainState<List<ProductHistoryEntry>>([]);
        await storage.ReadStateAsync(StateNames.ProductHistory, id, record);
        record.State!.Insert(0, new ProductHistoryEntry(0, "Imported", DateTimeOffset.UtcNow, "written elsewhere"));
        await storage.WriteStateAsync(StateNames.ProductHistory, id, record);

        await _grains.GetGrain<ICatalogAdminGrain>(0).AdjustStockAsync(product.Id, 1);

        var entries = await Eventually.MatchesAsync(history.GetAsync, h => h.Any(e => e.Version == 2));
        Assert.Equal([(0L, "Imported"), (1L, nameof(ProductCreated)), (2L, nameof(StockChanged))], entries.Select(e => (e.Version, e.Type)));
    }

    [Fact]
    public async Task AnImportOfManyProducts_EachHistoryGetsItsOwnEvents()
    {
        // One import is one commit: each shard publishes its share of the 200 products as one message.
        var products = await TestCatalog.ImportAsync(_grains, 200);
        var admin = _grains.GetGrain<ICatalogAdminGrain>(0);
        await Task.WhenAll(products.Select(p => admin.AdjustStockAsync(p.ProductId, 2)));

        foreach (var product in products)
        {
            var history = await Eventually.MatchesAsync(() => _grains.GetGrain<IProductHistoryGrain>(product.ProductId).GetAsync(), h => h.Length == 2);
            Assert.Equal([(1L, nameof(ProductCreated)), (2L, nameof(StockChanged))], history.Select(h => (h.Version, h.Type)));
            Assert.Equal("adjusted +2 -> 3", history[1].Detail);
        }
    }

    [Fact]
    public async Task Upsert_ChangingDetailsPriceAndStock_RecordsEveryEventOfTheOneVersion()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m, stock: 4);

        await _grains.GetGrain<ICatalogAdminGrain>(0).UpsertProductAsync(
            product.Id, new ProductDetails("Renamed", product.Description, product.CategoryId, 12m, 6, product.WeightGrams));

        var history = await Eventually.MatchesAsync(() => _grains.GetGrain<IProductHistoryGrain>(product.Id).GetAsync(), h => h.Length == 4);
        Assert.Equal(
            [(1L, nameof(ProductCreated)), (2L, nameof(ProductUpdated)), (2L, nameof(PriceChanged)), (2L, nameof(StockChanged))],
            history.Select(h => (h.Version, h.Type)));
    }
}
