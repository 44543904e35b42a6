using System.Collections.Immutable;

namespace EShop.Catalog;

/// <summary>Every category, as of <see cref="Version"/>, which grows with every change: views keep the newest list.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.CategoryList")]
public sealed record CategoryList(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<Category> Items);
