using EShop.GraphQLGateway.Schema;
using EShop.Tests.Shared;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Tests.Schema;

[Collection(GatewayCollection.Name)]
public sealed class SchemaSnapshotTests(GatewayFixture fixture)
{
    // Set to 1 to rewrite schema.graphql from the live schema after a deliberate change.
    private const string UpdateVariable = "ESHOP_UPDATE_SCHEMA";

    [Fact]
    public void CommittedSdl_MatchesTheLiveSchema()
    {
        var schema = fixture.Services.GetRequiredService<EShopSchema>();
        schema.Initialize();
        var live = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryFiles.Root, "schema.graphql");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, live);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with {UpdateVariable}=1.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == live,
            $"schema.graphql differs from the live schema: review the change, then run the tests with {UpdateVariable}=1 and commit the file.");
    }
}
