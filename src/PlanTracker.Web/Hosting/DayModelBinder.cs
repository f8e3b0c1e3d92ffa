using Microsoft.AspNetCore.Mvc.ModelBinding;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// A day typed in a page's form or query as people write it, dd/MM/yyyy, whatever the culture of the
/// request or the language of the browser (ISO yyyy-MM-dd is read too: links and older forms use it).
/// The pages show dates in text fields written dd/MM/yyyy, not as the browser's own date picker,
/// which shows MM/dd/yyyy to a browser set to English.
/// </summary>
public sealed class DayModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (Dates.Parse(text) is { } day) context.Result = ModelBindingResult.Success(day);
        else context.ModelState.TryAddModelError(context.ModelName, PlanTracker.Core.Common.Wording.Pick(
            $"'{text}' không phải ngày dạng dd/MM/yyyy.", $"'{text}' is not a date written dd/MM/yyyy."));
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DayModelBinder() : null;
    }
}
