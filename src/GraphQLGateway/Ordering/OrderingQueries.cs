using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderingQueries(IGrainFactory grains) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<OrderGraphType>("order")
            .Description("An order; its owner or an ADMIN may read it, anyone else gets FORBIDDEN.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.GetVisibleOrderAsync(grains, c.GetArgument<string>("id")));

        query.Field<NonNullGraphType<OrderConnectionGraphType>>("orders")
            .Description("The signed-in customer's orders, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c =>
            {
                var customerId = c.RequireCustomer();
                var (offset, limit) = Cursor.Page(c.GetArgument<int?>("first") ?? 20, c.GetArgument<string?>("after"));
                var page = await grains.GetGrain<ICustomerOrdersGrain>(customerId).GetPageAsync(offset, limit);
                var orders = await Task.WhenAll(page.OrderIds.Select(id => grains.GetGrain<IOrderGrain>(id).GetAsync()));
                return Connection<OrderSnapshot>.Of([.. orders.OfType<OrderSnapshot>()], page.Offset, page.TotalCount);
            });
    }
}
