using EShop.Shared;

namespace EShop.Carts;

public static class CartRules
{
    // More than this of one product in one cart is a typo or a bot, not a shopper.
    public const int MaxLineQuantity = 999;

    public static UserError? ValidateQuantity(int quantity, bool allowZero) =>
        quantity < (allowZero ? 0 : 1) ? UserError.Of(ErrorCodes.InvalidInput, allowZero ? "quantity cannot be negative." : "quantity must be at least 1.", "quantity")
        : quantity > MaxLineQuantity ? UserError.Of(ErrorCodes.InvalidInput, $"quantity must be at most {MaxLineQuantity}.", "quantity")
        : null;
}
