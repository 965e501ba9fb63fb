using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertChannels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertChannels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CheckId = table.Column<long>(type: "bigint", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpdSlugs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitorChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Target = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IntervalSeconds = table.Column<int>(type: "integer", nullable: false),
                    PhaseMs = table.Column<long>(type: "bigint", nullable: false),
                    NextDueMs = table.Column<long>(type: "bigint", nullable: false),
                    FailuresToDown = table.Column<int>(type: "integer", nullable: false),
                    SuccessesToUp = table.Column<int>(type: "integer", nullable: false),
                    ParentCheckId = table.Column<long>(type: "bigint", nullable: true),
                    OpdId = table.Column<int>(type: "integer", nullable: true),
                    NetworkLinkId = table.Column<int>(type: "integer", nullable: true),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    Canary = table.Column<bool>(type: "boolean", nullable: false),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    ExpectedStatus = table.Column<int>(type: "integer", nullable: true),
                    KeywordMust = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    KeywordMustNot = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TlsWarningDays = table.Column<int>(type: "integer", nullable: false),
                    DnsRecordType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DnsServer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Echoes = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitorChecks_MonitorChecks_ParentCheckId",
                        column: x => x.ParentCheckId,
                        principalTable: "MonitorChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MonitorChecks_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MonitorMaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CheckId = table.Column<long>(type: "bigint", nullable: true),
                    OpdId = table.Column<int>(type: "integer", nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WeekDays = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorMaintenanceWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitorRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckId = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Up = table.Column<int>(type: "integer", nullable: false),
                    Down = table.Column<int>(type: "integer", nullable: false),
                    Unknown = table.Column<int>(type: "integer", nullable: false),
                    Maintenance = table.Column<int>(type: "integer", nullable: false),
                    MinRttMs = table.Column<double>(type: "double precision", nullable: true),
                    AvgRttMs = table.Column<double>(type: "double precision", nullable: true),
                    P95RttMs = table.Column<double>(type: "double precision", nullable: true),
                    LossPercent = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorRollups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WatchAllowList",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchAllowList", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WatchKeywords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phrase = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Strong = table.Column<bool>(type: "boolean", nullable: false),
                    Off = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchKeywords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WatchTargets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    ShouldNotChange = table.Column<bool>(type: "boolean", nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastInspectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastFindingCount = table.Column<int>(type: "integer", nullable: false),
                    BaselineHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BaselineText = table.Column<string>(type: "text", nullable: true),
                    BaselineDomains = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchTargets_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertSubscriptions_AlertChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "AlertChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlertSubscriptions_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AlertId = table.Column<long>(type: "bigint", nullable: false),
                    ChannelId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertDeliveries_AlertChannels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "AlertChannels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlertDeliveries_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitorCheckStatus",
                columns: table => new
                {
                    CheckId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    ConsecutiveSuccesses = table.Column<int>(type: "integer", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastCheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastRttMs = table.Column<double>(type: "double precision", nullable: true),
                    LastLossPercent = table.Column<double>(type: "double precision", nullable: true),
                    LastAlerted = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Flapping = table.Column<bool>(type: "boolean", nullable: false),
                    TransitionsInWindow = table.Column<int>(type: "integer", nullable: false),
                    FlapWindowStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OpenIncidentId = table.Column<long>(type: "bigint", nullable: true),
                    CertificateExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorCheckStatus", x => x.CheckId);
                    table.ForeignKey(
                        name: "FK_MonitorCheckStatus_MonitorChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "MonitorChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitorIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CheckId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitorIncidents_MonitorChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "MonitorChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WatchFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    What = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Where = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Snippet = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    FalseAlarm = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WatchFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WatchFindings_WatchTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "WatchTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitorIncidentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorIncidentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitorIncidentEvents_MonitorIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "MonitorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitorIncidentOpds",
                columns: table => new
                {
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    OpdId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorIncidentOpds", x => new { x.IncidentId, x.OpdId });
                    table.ForeignKey(
                        name: "FK_MonitorIncidentOpds_MonitorIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "MonitorIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MonitorIncidentOpds_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_AlertId",
                table: "AlertDeliveries",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_ChannelId",
                table: "AlertDeliveries",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_Status_DueAt",
                table: "AlertDeliveries",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_ChannelId_OpdId",
                table: "AlertSubscriptions",
                columns: new[] { "ChannelId", "OpdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlertSubscriptions_OpdId",
                table: "AlertSubscriptions",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorChecks_OpdId",
                table: "MonitorChecks",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorChecks_ParentCheckId",
                table: "MonitorChecks",
                column: "ParentCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorChecks_Paused_NextDueMs",
                table: "MonitorChecks",
                columns: new[] { "Paused", "NextDueMs" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitorIncidentEvents_IncidentId",
                table: "MonitorIncidentEvents",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorIncidentOpds_OpdId",
                table: "MonitorIncidentOpds",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorIncidents_CheckId",
                table: "MonitorIncidents",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorIncidents_OpenedAt",
                table: "MonitorIncidents",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorMaintenanceWindows_EndsAt",
                table: "MonitorMaintenanceWindows",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_MonitorRollups_CheckId_Period_Start",
                table: "MonitorRollups",
                columns: new[] { "CheckId", "Period", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitorRollups_Period_Start",
                table: "MonitorRollups",
                columns: new[] { "Period", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationLog_At",
                table: "NotificationLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationLog_ChannelId",
                table: "NotificationLog",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_WatchAllowList_Value",
                table: "WatchAllowList",
                column: "Value",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WatchFindings_TargetId_Kind_Subject",
                table: "WatchFindings",
                columns: new[] { "TargetId", "Kind", "Subject" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchKeywords_Phrase",
                table: "WatchKeywords",
                column: "Phrase",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WatchTargets_OpdId",
                table: "WatchTargets",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_WatchTargets_Paused_NextDueAt",
                table: "WatchTargets",
                columns: new[] { "Paused", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WatchTargets_Url",
                table: "WatchTargets",
                column: "Url",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertDeliveries");

            migrationBuilder.DropTable(
                name: "AlertSubscriptions");

            migrationBuilder.DropTable(
                name: "MonitorCheckStatus");

            migrationBuilder.DropTable(
                name: "MonitorIncidentEvents");

            migrationBuilder.DropTable(
                name: "MonitorIncidentOpds");

            migrationBuilder.DropTable(
                name: "MonitorMaintenanceWindows");

            migrationBuilder.DropTable(
                name: "MonitorRollups");

            migrationBuilder.DropTable(
                name: "NotificationLog");

            migrationBuilder.DropTable(
                name: "WatchAllowList");

            migrationBuilder.DropTable(
                name: "WatchFindings");

            migrationBuilder.DropTable(
                name: "WatchKeywords");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "AlertChannels");

            migrationBuilder.DropTable(
                name: "MonitorIncidents");

            migrationBuilder.DropTable(
                name: "WatchTargets");

            migrationBuilder.DropTable(
                name: "MonitorChecks");
        }
    }
}
