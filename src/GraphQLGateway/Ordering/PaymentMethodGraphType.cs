using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class PaymentMethodGraphType : EnumerationGraphType<PaymentMethod>;
