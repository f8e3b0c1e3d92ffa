using System.Globalization;

namespace PlanTracker.Core.Common;

/// <summary>A message in the request's language: Vietnamese unless the culture is English.</summary>
public static class Wording
{
    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Pick(string vi, string en) => English ? en : vi;
}
