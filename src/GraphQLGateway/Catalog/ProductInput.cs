namespace EShop.GraphQLGateway.Catalog;

public sealed record ProductInput(string Id, string Name, string Description, string CategoryId, decimal Price, int Stock, int? WeightGrams);
