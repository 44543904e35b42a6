namespace EShop.GraphQLGateway.Hosting;

// What a deployment declares about itself. A gateway is "declared Production" when ASPNETCORE_ENVIRONMENT or
// DOTNET_ENVIRONMENT says so: a bare `dotnet run` is Production by default too, but declared by nobody, and the
// README's way must work with nothing configured.
public static class Deployment
{
    public static bool IsDeclaredProduction(IConfiguration configuration) =>
        string.Equals(configuration["environment"], Environments.Production, StringComparison.OrdinalIgnoreCase);
}

// What the gateway shows of its schema: introspection and the GraphiQL page. On, unless the gateway is declared
// Production, where EShop:GraphQL:Introspection and EShop:GraphQL:GraphiQL turn them back on.
// ExecutionTimeout (EShop:GraphQL:ExecutionTimeout, 30 s) bounds one request's execution, like a grain call's.
public sealed record GraphQLExposure(bool Introspection, bool GraphiQL, TimeSpan ExecutionTimeout)
{
    public static GraphQLExposure From(IConfiguration configuration)
    {
        var production = Deployment.IsDeclaredProduction(configuration);
        return new(
            configuration.GetValue<bool?>("EShop:GraphQL:Introspection") ?? !production,
            configuration.GetValue<bool?>("EShop:GraphQL:GraphiQL") ?? !production,
            configuration.GetValue("EShop:GraphQL:ExecutionTimeout", TimeSpan.FromSeconds(30)));
    }
}
