using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Features.Audit;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Data;

public static class DataModule
{
    /// <summary>Registers the database, the keys and the protection services for one storage location.</summary>
    public static IServiceCollection AddSaphanData(this IServiceCollection services, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Directory.CreateDirectory(storage.DataFolder);
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => KeyRing.LoadOrCreate(storage.KeyFile));
        services.AddSingleton<FieldProtector>();
        services.AddSingleton<FileProtector>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<AuditLog>();
        services.AddDbContext<SaphanDbContext>(options => Configure(options, storage));
        services.AddScoped<SchemaMigrator>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Engine == DatabaseEngine.Postgres)
        {
            options.UseNpgsql(storage.ConnectionString);
        }
        else
        {
            options.UseSqlite(storage.ConnectionString);
        }

        options.ReplaceService<IModelCacheKeyFactory, KeyAwareModelCacheKeyFactory>();
    }
}
