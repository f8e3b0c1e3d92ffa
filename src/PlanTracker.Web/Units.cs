using PlanTracker.Core.Domain;
using PlanTracker.Core.Localization;

namespace PlanTracker.Web;

public static class Units
{
    public static string Symbol(TargetUnit unit, string? unitText) => TargetDisplay.UnitSymbol(unit, unitText);
}
