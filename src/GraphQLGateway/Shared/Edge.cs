namespace EShop.GraphQLGateway.Shared;

public sealed record Edge<T>(string Cursor, T Node);
