using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderEventGraphType : ObjectGraphType<OrderEvent>
{
    public OrderEventGraphType()
    {
        Field(e => e.Type).Description("ORDER_PLACED, ORDER_CANCELLED, ...");
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
        Field(e => e.Detail, nullable: true);
    }
}
