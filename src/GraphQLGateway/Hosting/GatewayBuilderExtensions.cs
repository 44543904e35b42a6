using EShop.Catalog;
using EShop.GraphQLGateway.Carts;
using EShop.GraphQLGateway.Catalog;
using EShop.GraphQLGateway.Customers;
using EShop.GraphQLGateway.Favourites;
using EShop.GraphQLGateway.Http;
using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Payments;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.GraphQLGateway.Shipping;
using EShop.ServiceDefaults;
using Microsoft.FeatureManagement;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EShop.GraphQLGateway.Hosting;

public static class GatewayBuilderExtensions
{
    // The gateway: an Orleans client of the cluster, JWT bearer auth, and the GraphQL schema over HTTP and WebSocket.
    public static WebApplicationBuilder AddEShopGateway(this WebApplicationBuilder builder)
    {
        builder.UseOrleansClient(client => client
            .UseEShopClustering(builder.Configuration)
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                // Keep trying: the gateway may start before the silos, and /health says when it is through.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            })
            .UseTransactions()
            .AddActivityPropagation());

        // One instance: the filter on every grain call, told by ClusterCircuit's probe which silos are active.
        builder.Services.AddSingleton<SiloDepartures>();
        builder.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<SiloDepartures>());

        // Serve /health (503) while the client is still connecting, instead of not listening at all.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster", tags: [HealthEndpoints.Ready]).AddRedisCheck(builder.Configuration);
        builder.AddJwtAuthentication();
        ExternalIdentities.Add(builder);

        // Storefronts served from other origins call the API from the browser: only the origins in
        // EShop:Cors:AllowedOrigins may (none by default, so a page elsewhere cannot use a visitor's session).
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(builder.Configuration.GetSection("EShop:Cors:AllowedOrigins").Get<string[]>() ?? [])
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept")));
        builder.AddEShopTelemetry("eshop-gateway");
        builder.Services.AddSingleton<GraphQLTelemetry>();
        builder.Services.AddSingleton<ClusterCircuit>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterCircuit>());
        builder.Services.AddFeatureManagement();
        builder.Services.AddEShopGraphQL(GraphQLExposure.From(builder.Configuration));
        return builder;
    }

    public static WebApplication MapEShopGateway(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseWebSockets();
        app.UseGraphQLWebSockets("/graphql");
        app.MapEShopHealth();
        app.MapEShopTelemetry();
        app.MapGraphQLHttp("/graphql");

        // The bare address is what people type into a browser: send them to GraphiQL rather than a 404.
        app.MapGet("/", () => Results.Redirect("/graphql"));
        return app;
    }

    private static void AddJwtAuthentication(this WebApplicationBuilder builder)
    {
        // A gateway declared Production must bring its key: a random one would sign tokens no other gateway accepts and a
        // restart forgets.
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section)
            .Validate<IConfiguration>(
                (jwt, configuration) => !string.IsNullOrEmpty(jwt.SigningKey) || !Deployment.IsDeclaredProduction(configuration),
                $"{JwtOptions.Section}:SigningKey must be configured in Production (EShop__Jwt__SigningKey).")
            .ValidateOnStart();
        builder.Services.AddSingleton<SigningKeys>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<SessionCheck>();
        builder.Services.AddPermissionPolicies();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.Section);
        builder.Services.AddSingleton<AuthRateLimiter>();
        builder.Services.AddSingleton<RequestRateLimiter>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeys>((options, keys) =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = JwtOptions.Issuer,
                ValidAudience = JwtOptions.Audience,
                IssuerSigningKeys = keys.Validation,
                NameClaimType = TokenClaims.Subject,
                RoleClaimType = TokenClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    if (!await context.HttpContext.RequestServices.GetRequiredService<SessionCheck>().IsActiveAsync(context.Principal))
                    {
                        context.Fail("The token's session has ended or never began.");
                    }
                },
            };
        });
    }

    private static void AddEShopGraphQL(this IServiceCollection services, GraphQLExposure exposure)
    {
        services.AddSingleton(exposure);
        services.AddSingleton<IQueryFields, CatalogQueries>();
        services.AddSingleton<IQueryFields, CustomerQueries>();
        services.AddSingleton<IQueryFields, CartQueries>();
        services.AddSingleton<IQueryFields, OrderingQueries>();
        services.AddSingleton<IQueryFields, ShippingQueries>();
        services.AddSingleton<IQueryFields, PaymentQueries>();
        services.AddSingleton<IQueryFields, FavouritesQueries>();
        services.AddSingleton<IMutationFields, CustomerMutations>();
        services.AddSingleton<IMutationFields, CartMutations>();
        services.AddSingleton<IMutationFields, OrderingMutations>();
        services.AddSingleton<IMutationFields, PaymentMutations>();
        services.AddSingleton<IMutationFields, ShippingMutations>();
        services.AddSingleton<IMutationFields, CatalogMutations>();
        services.AddSingleton<IMutationFields, FavouritesMutations>();
        services.AddSingleton<ISubscriptionFields, OrderingSubscriptions>();
        services.AddSingleton<ISubscriptionFields, FavouritesSubscriptions>();
        services.AddSingleton<ConnectionInitAuthenticator>();
        // One catalog reference for every request: making a grain reference reads the interface's attributes each time.
        services.AddSingleton(sp => sp.GetRequiredService<IGrainFactory>().GetGrain<ICatalogGrain>(ICatalogGrain.Key));
        services.AddScoped<ProductDataLoader>();
        services.AddScoped<CategoryDataLoader>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<EShopSchema>()
            .AddGraphTypes(typeof(EShopSchema).Assembly)
            .AddSystemTextJson()

            // A subscription's later results run long after the operation's scope is gone: each gets a scope of its
            // own, so scoped services (data loaders) are fresh per result.
            .AddScopedSubscriptionExecutionStrategy()
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<NoSuggestionsInErrors>()
            .AddUnhandledExceptionHandler(ClusterFailures.Handle)

            // Complexity runs on every request, cached document or not: list sizes come from arguments, which
            // variables set.
            .AddValidationRule<ComplexityValidationRule>(useForCachedDocuments: true)
            .AddValidationRule(OperationLimitsRule.Instance)
            .ConfigureComplexity());
        if (!exposure.Introspection)
        {
            services.AddGraphQL(graphql => graphql.AddValidationRule<NoIntrospectionValidationRule>());
        }
    }

    private const int IntrospectionMaxDepth = 16;
    private const int IntrospectionMaxComplexity = 2_000_000;

    private static IGraphQLBuilder ConfigureComplexity(this IGraphQLBuilder graphql)
    {
        graphql.Services.Configure<ComplexityOptions>(c =>
        {
            c.MaxDepth = 12;
            c.MaxComplexity = 10_000;

            // GraphiQL's introspection query is 15 levels deep (its type references nest ofType seven times), and the
            // complexity measure, made for resolvers that fetch, counts its lists of types and fields as if each cost a
            // call. Introspection only reads the fixed schema in memory, so an operation that selects nothing else has
            // bounds of its own: 16 levels and 2,000,000 (GraphiQL's full query counts 738,537 here; three aliased
            // copies of it exceed the bound).
            c.ValidateComplexityDelegate = context =>
            {
                var selections = context.ValidationContext.Operation.SelectionSet.Selections;
                if (context.Error is not null && context.MaxDepth <= IntrospectionMaxDepth && context.TotalImpact <= IntrospectionMaxComplexity
                    && selections.All(s => s is GraphQLField f && f.Name.StringValue.StartsWith("__")))
                {
                    context.Error = null;
                }

                return Task.CompletedTask;
            };
        });
        return graphql;
    }
}
