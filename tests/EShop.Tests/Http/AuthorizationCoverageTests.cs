using System.Text.Json;
using EShop.GraphQLGateway.Schema;
using EShop.Tests.Shared;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Tests.Http;

// Every query and mutation of the live schema, called anonymously and as a plain customer, with arguments made from
// their types. Only the fields listed public answer an anonymous caller; only the staff fields refuse a customer. A new
// field is covered the day it is added: anonymous, it must say UNAUTHENTICATED, or be listed here on purpose.
[Collection(GatewayCollection.Name)]
public sealed class AuthorizationCoverageTests(GatewayFixture fixture)
{
    private static readonly HashSet<string> Public =
    [
        "Query.product", "Query.products", "Query.categories", "Query.me", "Query.shipment", "Query.shippingQuote", "Query.recommendations",
        "Mutation.signUp", "Mutation.signIn", "Mutation.refreshToken", "Mutation.confirmEmailChange",
    ];

    private static readonly HashSet<string> Staff =
    [
        "Query.auditLog", "Mutation.grantRole", "Mutation.revokeRole", "Mutation.issueGiftCard", "Mutation.refundOrder",
        "Mutation.advanceShipment", "Mutation.upsertCategory", "Mutation.upsertProduct", "Mutation.setPrice",
        "Mutation.setDiscount", "Mutation.adjustStock", "Mutation.removeProduct", "Mutation.rebuildRecommendations",
    ];

    [Fact]
    public async Task EveryFieldButThePublicOnes_RefusesAnAnonymousCaller()
    {
        var answered = new List<string>();
        foreach (var (name, operation) in Operations().Where(o => !Public.Contains(o.Name)))
        {
            if (await fixture.Anonymous.PostAsync(operation) is var (_, body) && Code(body) != "UNAUTHENTICATED")
            {
                answered.Add($"{name}: {body}");
            }
        }

        Assert.True(answered.Count == 0, "Answered an anonymous caller:\n" + string.Join('\n', answered));
    }

    [Fact]
    public async Task TheStaffFields_RefuseACustomer_AndNoOtherFieldDoes()
    {
        var customer = await fixture.SignUpAsync();
        var wrong = new List<string>();

        // signOut last: it ends the session the rest is called with.
        foreach (var (name, operation) in Operations().OrderBy(o => o.Name == "Mutation.signOut"))
        {
            var (_, body) = await customer.PostAsync(operation);
            if ((Code(body) == "FORBIDDEN") != Staff.Contains(name))
            {
                wrong.Add($"{name}: {body}");
            }
        }

        Assert.True(wrong.Count == 0, "Staff fields that served a customer, or other fields that refused one:\n" + string.Join('\n', wrong));
    }

    // One operation per root field, with every required argument made from its type.
    private IEnumerable<(string Name, string Operation)> Operations()
    {
        var schema = fixture.Services.GetRequiredService<EShopSchema>();
        foreach (var (root, keyword) in new[] { (schema.Query, "query"), (schema.Mutation!, "mutation") })
        {
            foreach (var field in root.Fields)
            {
                var arguments = field.Arguments?.Where(a => a.ResolvedType is NonNullGraphType).Select(a => $"{a.Name}: {Literal(a.ResolvedType!)}").ToList() ?? [];
                var call = arguments.Count > 0 ? $"{field.Name}({string.Join(", ", arguments)})" : field.Name;
                var selection = Unwrap(field.ResolvedType!) is IComplexGraphType ? " { __typename }" : "";
                yield return ($"{root.Name}.{field.Name}", $"{keyword} {{ {call}{selection} }}");
            }
        }
    }

    private static string Literal(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        ListGraphType => "[]",
        IntGraphType => "1",
        DecimalGraphType or FloatGraphType => "1",
        BooleanGraphType => "false",
        EnumerationGraphType enumeration => enumeration.Values.First().Name,
        IInputObjectGraphType input => "{ " + string.Join(", ", input.Fields.Where(f => f.ResolvedType is NonNullGraphType).Select(f => $"{f.Name}: {Literal(f.ResolvedType!)}")) + " }",
        _ => "\"x\"",
    };

    private static IGraphType Unwrap(IGraphType type) => type is IProvideResolvedType wrapper ? Unwrap(wrapper.ResolvedType!) : type;

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) && errors.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first
        && first.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
}
