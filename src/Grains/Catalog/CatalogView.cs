using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace EShop.Catalog;

// The catalog as one silo serves it to readers: product pages, lists, search, cart lines and quotes. One per silo,
// kept current by the product shards and the categories grain, which send it every committed change and wait for it
// before the change's author hears that it is done: a read on any silo shows what a finished mutation wrote, and no
// read queues behind one activation.
//
// The view subscribes to every shard when the silo starts, and again every few seconds: a shard that moved (its silo
// died) or that dropped this view (it did not answer in time) then sends it all its products again. Each shard's
// answer is applied as it comes, so one shard that fails does not cost the others' (which they send only once). A
// stopping silo unsubscribes, so no shard waits on a view that is gone.
public sealed partial class CatalogView(IGrainFactory grains, TimeProvider time, ILogger<CatalogView> logger)
    : ICatalogViewObserver, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Resubscribe = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryLoad = TimeSpan.FromMilliseconds(500);

    private readonly ProductIndex _products = new();
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _categoriesLock = new();
    private CategoryList _categories = new(-1, []);
    private ICatalogViewObserver? _self;

    // Completes once the view holds every shard's products and the categories.
    public Task Loaded => _loaded.Task;

    public ProductSnapshot? Get(string productId) => _products.Get(productId);

    public ProductPage Search(ProductQuery query) => _products.Search(query);

    public ImmutableArray<Category> Categories => Volatile.Read(ref _categories).Items;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(nameof(CatalogView), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    Task ICatalogViewObserver.ProductsChangedAsync(ImmutableArray<ProductSnapshot> products)
    {
        _products.Apply(products);
        return Task.CompletedTask;
    }

    Task ICatalogViewObserver.CategoriesChangedAsync(CategoryList categories)
    {
        ApplyCategories(categories);
        return Task.CompletedTask;
    }

    // Keeps the newest list, whichever arrives last: a subscription's answer can be older than a change sent since.
    private void ApplyCategories(CategoryList categories)
    {
        lock (_categoriesLock)
        {
            if (categories.Version > _categories.Version)
            {
                Volatile.Write(ref _categories, categories);
            }
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _self = grains.CreateObjectReference<ICatalogViewObserver>(this);
        _ = KeepSubscribedAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        if (_self is null)
        {
            return;
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, IProductPartitionGrain.Count)
                .Select(shard => grains.GetGrain<IProductPartitionGrain>(shard).UnsubscribeAsync(_self))
                .Append(grains.GetGrain<ICategoriesGrain>(ICategoriesGrain.Key).UnsubscribeAsync(_self))).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A shard that cannot be told drops the view on its next change, when the view does not answer.
            LogUnsubscribeFailed(logger, exception);
        }

        grains.DeleteObjectReference<ICatalogViewObserver>(_self);
    }

    private async Task KeepSubscribedAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, IProductPartitionGrain.Count)
                    .Select(async shard => _products.Apply(await grains.GetGrain<IProductPartitionGrain>(shard).SubscribeAsync(_self!)))
                    .Append(SubscribeCategoriesAsync()));
                if (_loaded.TrySetResult())
                {
                    LogLoaded(logger, _products.Count);
                }
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LogSubscribeFailed(logger, exception);
            }

            try
            {
                await Task.Delay(_loaded.Task.IsCompleted ? Resubscribe : RetryLoad, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SubscribeCategoriesAsync() =>
        ApplyCategories(await grains.GetGrain<ICategoriesGrain>(ICategoriesGrain.Key).SubscribeAsync(_self!));

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog view loaded: {Count} products")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog view could not subscribe to the catalog; trying again")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog view could not unsubscribe from the catalog while its silo stopped")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
