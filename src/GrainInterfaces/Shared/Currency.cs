namespace EShop.Shared;

/// <summary>The shop sells in one currency for now; orders record it so a multi-currency catalog can come later.</summary>
public static class Currency
{
    public const string Default = "USD";
}
