using EShop.Carts;
using EShop.Shared;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Carts;

public sealed class CartMutations(IGrainFactory grains) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CartPayloadGraphType>>("addToCart")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<IntGraphType>>("quantity")
            .ResolveAsync(async c => await Cart(c).AddAsync(c.GetArgument<string>("productId"), c.GetArgument<int>("quantity")));

        mutation.Field<NonNullGraphType<CartPayloadGraphType>>("setCartQuantity")
            .Description("Sets a line's quantity; 0 removes the line.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<IntGraphType>>("quantity")
            .ResolveAsync(async c => await Cart(c).SetQuantityAsync(c.GetArgument<string>("productId"), c.GetArgument<int>("quantity")));

        mutation.Field<NonNullGraphType<CartPayloadGraphType>>("clearCart")
            .ResolveAsync(async c => Result<CartSnapshot>.Ok(await Cart(c).ClearAsync()));
    }

    private ICartGrain Cart(IResolveFieldContext context) => grains.GetGrain<ICartGrain>(context.RequireCustomer());
}
