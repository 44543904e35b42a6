using EShop.GraphQLGateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEShopGateway();

var app = builder.Build();
app.MapEShopGateway();
app.Run();
