namespace SatuPintu.Content;

/// <summary>What goes through review: articles and pages.</summary>
public interface IReviewed
{
    PublicationStatus Status { get; set; }
    string? RejectionReason { get; set; }
    int Version { get; set; }
    /// <summary>Public now, or at some time before.</summary>
    bool EverPublished { get; }
}

/// <summary>
/// The review steps articles and pages share (submit, reject), so the rule and its messages exist once.
/// Each step returns null when it applied, or why it does not apply (a 409 for the caller).
/// </summary>
public static class Review
{
    public const int MaxReason = 1000;

    /// <summary>The per-field error for a missing or too long rejection reason; null when <paramref name="clean"/> is usable.</summary>
    public static Dictionary<string, string[]>? ReasonError(string? reason, out string clean)
    {
        clean = HtmlCleaner.PlainText(reason);
        return clean.Length is 0 or > MaxReason
            ? new Dictionary<string, string[]> { ["reason"] = [$"Tulis alasan penolakan (paling banyak {MaxReason} karakter)."] }
            : null;
    }

    /// <summary>Draft or rejected → in review. <paramref name="noun"/> names the item in the message ("artikel", "halaman").</summary>
    public static string? Submit(IReviewed item, string noun)
    {
        if (item.Status is not (PublicationStatus.Draft or PublicationStatus.Rejected))
        {
            return $"Hanya draf atau {noun} yang ditolak yang dapat diajukan.";
        }
        item.Status = PublicationStatus.Review;
        item.RejectionReason = null;
        return null;
    }

    /// <summary>In review → rejected, with the reason the editor will read.</summary>
    public static string? Reject(IReviewed item, string reason, string noun)
    {
        if (item.Status != PublicationStatus.Review)
        {
            return $"Hanya {noun} yang sedang ditinjau yang dapat ditolak.";
        }
        item.Status = PublicationStatus.Rejected;
        item.RejectionReason = reason;
        return null;
    }

    /// <summary>
    /// Editors may throw away work that was never public; anything that is or has ever been public (and
    /// anything waiting for review or scheduled) needs a reviewer.
    /// </summary>
    public static Accounts.OpdRight RightToDelete(IReviewed item) =>
        item.Status is PublicationStatus.Draft or PublicationStatus.Rejected && !item.EverPublished ? Accounts.OpdRight.Edit : Accounts.OpdRight.Publish;

    /// <summary>
    /// Records a change of content. An item in review goes back to draft: the reviewer looked at another
    /// version, so it must be submitted again (the editor's change is kept, nothing unseen is published).
    /// Returns whether it went back.
    /// </summary>
    public static bool Changed(IReviewed item)
    {
        item.Version++;
        if (item.Status != PublicationStatus.Review)
        {
            return false;
        }
        item.Status = PublicationStatus.Draft;
        return true;
    }

    /// <summary>Why a change based on <paramref name="version"/> is refused (a 409), or null when it is the current version or none was given.</summary>
    public static string? StaleVersion(IReviewed item, int? version, string noun) =>
        version is { } v && v != item.Version ? StaleMessage(noun) : null;

    public static string StaleMessage(string noun) =>
        $"Isi {noun} ini sudah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru sebelum melanjutkan.";
}
