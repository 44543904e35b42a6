using EShop.Shared;

namespace EShop.Favourites;

// A repeated order event comes soon after the first delivery, while the order is still among the customer's newest.
[GrainType("eshop.favourites.customer-purchases")]
public sealed class CustomerPurchasesGrain(
    [PersistentState(StateNames.CustomerPurchases, StorageNames.Favourites)] IPersistentState<CustomerPurchasesState> state) : Grain, ICustomerPurchasesGrain
{
    public async Task RecordAsync(Purchase purchase)
    {
        var s = state.State;
        if (s.Orders.Contains(purchase.OrderId))
        {
            return;
        }

        s.Orders.Insert(0, purchase.OrderId);
        if (s.Orders.Count > CustomerPurchasesState.OrdersKept)
        {
            s.Orders.RemoveAt(CustomerPurchasesState.OrdersKept);
        }

        var products = purchase.Items.Select(i => i.ProductId).ToList();
        s.Bought.UnionWith(products);
        s.Recent = [.. products.Concat(s.Recent).Distinct(StringComparer.Ordinal).Take(CustomerPurchasesState.RecentKept)];
        await state.WriteStateAsync();
    }

    public Task<CustomerPurchases> GetAsync() => Task.FromResult(new CustomerPurchases([.. state.State.Bought], [.. state.State.Recent]));
}
