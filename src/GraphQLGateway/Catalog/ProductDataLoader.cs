using System.Collections.Immutable;
using EShop.Catalog;
using GraphQL.DataLoader;

namespace EShop.GraphQLGateway.Catalog;

// Collects the product ids that one level of a query asks for (cart lines, order lines) and reads them from the
// catalog in one grain call when the first result is awaited. One instance per request.
public sealed class ProductDataLoader(ICatalogGrain catalog)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task<ProductSnapshot?>> _loaded = new(StringComparer.Ordinal);
    private readonly List<(string Id, TaskCompletionSource<ProductSnapshot?> Result)> _pending = [];

    public IDataLoaderResult<ProductSnapshot?> Load(string productId)
    {
        lock (_lock)
        {
            if (!_loaded.TryGetValue(productId, out var task))
            {
                var source = new TaskCompletionSource<ProductSnapshot?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add((productId, source));
                _loaded[productId] = task = source.Task;
            }

            return new Pending(this, task);
        }
    }

    private async Task DispatchAsync()
    {
        List<(string Id, TaskCompletionSource<ProductSnapshot?> Result)> batch;
        lock (_lock)
        {
            batch = [.. _pending];
            _pending.Clear();
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var products = (await catalog.GetProductsAsync([.. batch.Select(b => b.Id)]))
                .ToImmutableDictionary(p => p.Id);
            foreach (var (id, result) in batch)
            {
                result.SetResult(products.GetValueOrDefault(id));
            }
        }
        catch (Exception exception)
        {
            batch.ForEach(b => b.Result.SetException(exception));
        }
    }

    private sealed class Pending(ProductDataLoader loader, Task<ProductSnapshot?> result) : IDataLoaderResult<ProductSnapshot?>
    {
        public async Task<ProductSnapshot?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!result.IsCompleted)
            {
                await loader.DispatchAsync();
            }

            return await result;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
