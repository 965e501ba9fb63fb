using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Content;
using SatuPintu.Directory;

namespace SatuPintu.Data;

/// <summary>
/// The one database of the application. Each provider has a subclass so that each keeps
/// its own migrations (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>).
/// </summary>
public abstract class SatuPintuDb(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Opd> Opds => Set<Opd>();
    public DbSet<OpdUnit> OpdUnits => Set<OpdUnit>();
    public DbSet<PublicService> PublicServices => Set<PublicService>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleAddress> ArticleAddresses => Set<ArticleAddress>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<SeedState> SeedStates => Set<SeedState>();
    public DbSet<OpdMembership> OpdMemberships => Set<OpdMembership>();
    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Content.Uploads.MediaFile> MediaFiles => Set<Content.Uploads.MediaFile>();
    public DbSet<Changes.PublicChange> PublicChanges => Set<Changes.PublicChange>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Syndication.Source> SyndicationSources => Set<Syndication.Source>();
    public DbSet<Syndication.ImportedImage> SyndicationImages => Set<Syndication.ImportedImage>();
    /// <summary>The data-protection key ring (cookies, antiforgery), shared by every node and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Network.Site> NetworkSites => Set<Network.Site>(); public DbSet<Network.SiteOpd> NetworkSiteOpds => Set<Network.SiteOpd>(); public DbSet<Network.SiteStateChange> NetworkSiteStateChanges => Set<Network.SiteStateChange>(); public DbSet<Network.Link> NetworkLinks => Set<Network.Link>(); public DbSet<Network.Uplink> NetworkUplinks => Set<Network.Uplink>(); public DbSet<Network.Subnet> NetworkSubnets => Set<Network.Subnet>(); public DbSet<Network.Phase> NetworkPhases => Set<Network.Phase>(); public DbSet<Network.BudgetLine> NetworkBudgetLines => Set<Network.BudgetLine>();

    public DbSet<Monitoring.Alerts.AlertChannel> AlertChannels => Set<Monitoring.Alerts.AlertChannel>(); public DbSet<Monitoring.Alerts.AlertSubscription> AlertSubscriptions => Set<Monitoring.Alerts.AlertSubscription>(); public DbSet<Monitoring.Alerts.AlertRecord> Alerts => Set<Monitoring.Alerts.AlertRecord>(); public DbSet<Monitoring.Alerts.AlertDelivery> AlertDeliveries => Set<Monitoring.Alerts.AlertDelivery>(); public DbSet<Monitoring.Alerts.NotificationLogEntry> NotificationLog => Set<Monitoring.Alerts.NotificationLogEntry>();
    public DbSet<Monitoring.Watch.WatchTarget> WatchTargets => Set<Monitoring.Watch.WatchTarget>(); public DbSet<Monitoring.Watch.WatchFinding> WatchFindings => Set<Monitoring.Watch.WatchFinding>(); public DbSet<Monitoring.Watch.WatchAllowEntry> WatchAllowList => Set<Monitoring.Watch.WatchAllowEntry>(); public DbSet<Monitoring.Watch.WatchKeyword> WatchKeywords => Set<Monitoring.Watch.WatchKeyword>();
    public DbSet<Monitoring.Check> MonitorChecks => Set<Monitoring.Check>(); public DbSet<Monitoring.CheckStatus> MonitorCheckStatus => Set<Monitoring.CheckStatus>(); public DbSet<Monitoring.Incident> MonitorIncidents => Set<Monitoring.Incident>(); public DbSet<Monitoring.IncidentEvent> MonitorIncidentEvents => Set<Monitoring.IncidentEvent>(); public DbSet<Monitoring.IncidentOpd> MonitorIncidentOpds => Set<Monitoring.IncidentOpd>(); public DbSet<Monitoring.MaintenanceWindow> MonitorMaintenanceWindows => Set<Monitoring.MaintenanceWindow>(); public DbSet<Monitoring.CheckRollup> MonitorRollups => Set<Monitoring.CheckRollup>();
    public DbSet<Search.Acronyms.SearchAcronym> SearchAcronyms => Set<Search.Acronyms.SearchAcronym>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SatuPintuDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite hands them back unspecified, so mark them on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteSatuPintuDb(DbContextOptions<SqliteSatuPintuDb> options) : SatuPintuDb(options);

public sealed class PostgresSatuPintuDb(DbContextOptions<PostgresSatuPintuDb> options) : SatuPintuDb(options);
