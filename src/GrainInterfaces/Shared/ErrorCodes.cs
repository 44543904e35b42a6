namespace EShop.Shared;

/// <summary>The codes of <see cref="UserError"/>, as the storefront contract names them.</summary>
public static class ErrorCodes
{
    public const string OutOfStock = "OUT_OF_STOCK";
    public const string PriceChanged = "PRICE_CHANGED";
    public const string CartEmpty = "CART_EMPTY";
    public const string InvalidInput = "INVALID_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string LockedOut = "LOCKED_OUT";
    public const string InvalidState = "INVALID_STATE";
    public const string PaymentDeclined = "PAYMENT_DECLINED";
    public const string PaymentUnavailable = "PAYMENT_UNAVAILABLE";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
}
