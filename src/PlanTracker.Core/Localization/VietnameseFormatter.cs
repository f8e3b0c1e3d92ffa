using Humanizer;
using Humanizer.Configuration;
using Humanizer.Localisation;
using Humanizer.Localisation.Formatters;

namespace PlanTracker.Core.Localization;

/// <summary>
/// Humanizer.Core ships no Vietnamese (Humanizer.Core.vi is not in the registry) and silently
/// falls back to English; this formatter fills the gap. Vietnamese nouns do not inflect for number.
/// </summary>
public sealed class VietnameseFormatter() : DefaultFormatter("vi")
{
    private static readonly object Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            Configurator.Formatters.Register("vi", new VietnameseFormatter());
            Configurator.Formatters.Register("vi-VN", new VietnameseFormatter());
            _registered = true;
        }
    }

    public override string DateHumanize_Now() => "bây giờ";
    public override string DateHumanize_Never() => "không bao giờ";
    public override string TimeSpanHumanize_Zero() => "0 giây";

    public override string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit) => (timeUnit, timeUnitTense, unit) switch
    {
        (_, _, 0) => DateHumanize_Now(),
        (TimeUnit.Day, Tense.Past, 1) => "hôm qua",
        (TimeUnit.Day, Tense.Future, 1) => "ngày mai",
        (_, Tense.Past, _) => $"{unit} {Unit(timeUnit)} trước",
        _ => $"{unit} {Unit(timeUnit)} nữa",
    };

    public override string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false) => $"{unit} {Unit(timeUnit)}";

    private static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.Millisecond => "mili giây",
        TimeUnit.Second => "giây",
        TimeUnit.Minute => "phút",
        TimeUnit.Hour => "giờ",
        TimeUnit.Day => "ngày",
        TimeUnit.Week => "tuần",
        TimeUnit.Month => "tháng",
        TimeUnit.Year => "năm",
        _ => unit.ToString(),
    };
}
