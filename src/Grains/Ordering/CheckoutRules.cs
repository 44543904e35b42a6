using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

public static class CheckoutRules
{
    public static IEnumerable<UserError> Validate(CheckoutRequest request)
    {
        var a = request.ShippingAddress;
        return Validation.Collect(
            Validation.Required(request.IdempotencyKey, 200, "input", "idempotencyKey"),
            Validation.Required(a.Name, 100, "input", "shippingAddress", "name"),
            Validation.Required(a.Line1, 200, "input", "shippingAddress", "line1"),
            a.Line2?.Length > 200 ? UserError.Of(ErrorCodes.InvalidInput, "line2 must be at most 200 characters.", "input", "shippingAddress", "line2") : null,
            Validation.Required(a.City, 100, "input", "shippingAddress", "city"),
            Validation.Required(a.PostalCode, 20, "input", "shippingAddress", "postalCode"),
            ShippingRates.ValidateCountry(a.Country, "input", "shippingAddress", "country"),
            ValidatePayment(request.Payment));
    }

    private static UserError? ValidatePayment(PaymentDetails payment) => payment.Method switch
    {
        PaymentMethod.Card when string.IsNullOrWhiteSpace(payment.CardToken) =>
            UserError.Of(ErrorCodes.InvalidInput, "cardToken is required to pay by card.", "input", "payment", "cardToken"),
        PaymentMethod.Card when payment.CardToken!.Length > 200 =>
            UserError.Of(ErrorCodes.InvalidInput, "cardToken must be at most 200 characters.", "input", "payment", "cardToken"),
        PaymentMethod.GiftCard => Validation.Required(payment.GiftCardCode, 64, "input", "payment", "giftCardCode"),
        _ => null,
    };
}
