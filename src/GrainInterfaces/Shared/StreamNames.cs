namespace EShop.Shared;

/// <summary>The stream provider that carries domain events, and one stream namespace per context.</summary>
public static class StreamNames
{
    public const string Provider = "events";
    public const string Catalog = "catalog";
    public const string Ordering = "ordering";
}
