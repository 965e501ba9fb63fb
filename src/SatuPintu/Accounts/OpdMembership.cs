using SatuPintu.Directory;

namespace SatuPintu.Accounts;

/// <summary>A role a person holds in one OPD. A person may hold roles in several OPDs.</summary>
public sealed class OpdMembership
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public OpdRole Role { get; set; }
}

public enum OpdRole
{
    /// <summary>Writes drafts and submits them for review, for this OPD only.</summary>
    Editor = 0,
    /// <summary>Everything an editor does, plus publishing, rejecting and unpublishing, for this OPD only.</summary>
    Reviewer = 1,
}
