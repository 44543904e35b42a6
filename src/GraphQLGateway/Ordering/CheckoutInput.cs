using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

public sealed record CheckoutInput(string IdempotencyKey, Address ShippingAddress, ShippingSpeed ShippingSpeed, PaymentDetails Payment);
