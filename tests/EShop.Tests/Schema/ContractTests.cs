using EShop.GraphQLGateway.Schema;
using EShop.Tests.Shared;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Tests.Schema;

// The live schema against shared/api/storefront.graphql: every contract type, field, argument and enum value
// must be there with the contract's type. The live schema may add; it may not rename, drop or retype.
[Collection(GatewayCollection.Name)]
public sealed class ContractTests(GatewayFixture fixture)
{
    [ContractFileFact]
    public void LiveSchema_HasEveryContractElementWithItsShape()
    {
        var schema = fixture.Services.GetRequiredService<EShopSchema>();
        schema.Initialize();
        var contract = Parser.Parse(File.ReadAllText(RepositoryFiles.Contract));

        var problems = contract.Definitions.OfType<GraphQLTypeDefinition>()
            .SelectMany(definition => Compare(schema, definition))
            .ToList();

        Assert.True(problems.Count == 0, "The live schema breaks the contract:\n" + string.Join('\n', problems));
    }

    private static IEnumerable<string> Compare(ISchema schema, GraphQLTypeDefinition definition)
    {
        var name = definition.Name.StringValue;
        var live = schema.AllTypes[name];
        if (live is null)
        {
            yield return $"type {name} is missing";
            yield break;
        }

        switch (definition)
        {
            case GraphQLScalarTypeDefinition when live is not ScalarGraphType:
                yield return $"{name} is not a scalar";
                break;
            case GraphQLEnumTypeDefinition enumDefinition:
                var values = (live as EnumerationGraphType)?.Values.Select(v => v.Name).ToHashSet() ?? [];
                foreach (var value in enumDefinition.Values?.Items ?? [])
                {
                    if (!values.Contains(value.Name.StringValue))
                    {
                        yield return $"enum value {name}.{value.Name.StringValue} is missing";
                    }
                }

                break;
            case GraphQLObjectTypeDefinition objectDefinition:
                foreach (var problem in CompareFields(name, live, objectDefinition.Fields?.Items.Select(f => (f.Name.StringValue, f.Type, f.Arguments?.Items ?? []))))
                {
                    yield return problem;
                }

                break;
            case GraphQLInputObjectTypeDefinition inputDefinition:
                foreach (var problem in CompareFields(name, live, inputDefinition.Fields?.Items.Select(f => (f.Name.StringValue, f.Type, new List<GraphQLInputValueDefinition>()))))
                {
                    yield return problem;
                }

                break;
        }
    }

    private static IEnumerable<string> CompareFields(string typeName, IGraphType live, IEnumerable<(string Name, GraphQLType Type, List<GraphQLInputValueDefinition> Arguments)>? fields)
    {
        if (live is not IComplexGraphType complex)
        {
            yield return $"{typeName} is not an object or input type";
            yield break;
        }

        foreach (var (fieldName, type, arguments) in fields ?? [])
        {
            var path = $"{typeName}.{fieldName}";
            if (complex.GetField(fieldName) is not { } field)
            {
                yield return $"field {path} is missing";
                continue;
            }

            if (field.ResolvedType!.ToString() != Print(type))
            {
                yield return $"field {path} is {field.ResolvedType} instead of {Print(type)}";
            }

            foreach (var argument in arguments)
            {
                var liveArgument = field.Arguments?.Find(argument.Name.StringValue);
                if (liveArgument is null)
                {
                    yield return $"argument {path}({argument.Name.StringValue}) is missing";
                }
                else if (liveArgument.ResolvedType!.ToString() != Print(argument.Type))
                {
                    yield return $"argument {path}({argument.Name.StringValue}) is {liveArgument.ResolvedType} instead of {Print(argument.Type)}";
                }
                else if (argument.DefaultValue is not null && liveArgument.DefaultValue is null)
                {
                    yield return $"argument {path}({argument.Name.StringValue}) has no default";
                }
            }

            var contractArguments = arguments.Select(a => a.Name.StringValue).ToHashSet();
            foreach (var extra in field.Arguments?.Where(a => !contractArguments.Contains(a.Name) && a.ResolvedType is NonNullGraphType && a.DefaultValue is null) ?? [])
            {
                yield return $"argument {path}({extra.Name}) is required but not in the contract";
            }
        }
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };
}
