namespace PlanTracker.Core.Drafting;

/// <summary>
/// "Nơi nhận:", the heading of the list a document is sent to, which ends its content: where a paragraph starts, where the
/// section tree stops reading items, where a letter's addressees are listed (<see cref="BackReferences"/>). One pattern for
/// the three, so that an OCR's misreading learned in one place is known in all.
/// </summary>
internal static class RecipientsHeading
{
    /// <summary>
    /// "Nơi nhận", and as an OCR misreads its marks ("Nơi nhân:", "Noi nhạn:"), where only the colon tells it from words. Each
    /// user anchors it and chooses its case: a paragraph starts only at the heading's own capital.
    /// </summary>
    public const string Pattern = @"(?:Nơi nhận\s*:?|N[oơô]i\s+nh[aăâạậấầ]n\s*:)";
}
