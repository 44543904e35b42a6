using EShop.Payments;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class PaymentStatusGraphType : EnumerationGraphType<PaymentStatus>;
