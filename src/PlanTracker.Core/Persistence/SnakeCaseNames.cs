using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PlanTracker.Core.Persistence;

/// <summary>PostgreSQL-style names for every column, so the SQL migrations read naturally.</summary>
public static partial class SnakeCaseNames
{
    public static void UseSnakeCaseNames(this ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnakeCase(property.Name));
            foreach (var complex in entity.GetComplexProperties())
                NameComplex(complex, ToSnakeCase(complex.Name));
        }
    }

    private static void NameComplex(IMutableComplexProperty complex, string prefix)
    {
        foreach (var property in complex.ComplexType.GetProperties())
            property.SetColumnName($"{prefix}_{ToSnakeCase(property.Name)}");
    }

    public static string ToSnakeCase(string name) => UpperAfterLower().Replace(name, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
