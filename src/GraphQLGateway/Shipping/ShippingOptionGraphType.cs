using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Shared;
using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShippingOptionGraphType : ObjectGraphType<ShippingOption>
{
    public ShippingOptionGraphType()
    {
        Field<NonNullGraphType<ShippingSpeedGraphType>>("speed").Resolve(c => c.Source.Speed);
        Field<NonNullGraphType<MoneyGraphType>>("cost").Resolve(c => new Money(c.Source.Cost, c.Source.Currency));
        Field(o => o.EstimatedDays).Description("Working days it usually takes to arrive.");
    }
}
