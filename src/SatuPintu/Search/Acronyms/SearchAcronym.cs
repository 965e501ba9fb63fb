using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Search.Acronyms;

/// <summary>
/// An admin's change to the shipped acronym list (Analysis/Data/acronyms.txt): a group added or
/// rewritten under its short form, or, with no <see cref="Phrases"/>, a shipped group taken out.
/// The shipped list stays the base, so a new release's additions still arrive.
/// </summary>
public sealed class SearchAcronym
{
    public int Id { get; set; }

    /// <summary>The short form, lower case ("ktp").</summary>
    public required string Abbreviation { get; set; }

    /// <summary>The long forms, lower case, separated by " | "; null: the shipped group is removed.</summary>
    public string? Phrases { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class SearchAcronymConfiguration : IEntityTypeConfiguration<SearchAcronym>
{
    public void Configure(EntityTypeBuilder<SearchAcronym> b)
    {
        b.ToTable("SearchAcronyms");
        b.Property(a => a.Abbreviation).HasMaxLength(AcronymList.MaxShort);
        b.Property(a => a.Phrases).HasMaxLength(AcronymList.MaxPhrases);
        b.HasIndex(a => a.Abbreviation).IsUnique();
    }
}
