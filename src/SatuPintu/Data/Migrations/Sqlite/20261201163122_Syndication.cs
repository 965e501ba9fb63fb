using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Syndication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalKey",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GoneAtSourceAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportHash",
                table: "Articles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SyndicationSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FeedUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Alternatives = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    IntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NextPollAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFetchAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    BackoffUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ItemsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    ArchiveComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeaseHolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyndicationSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyndicationSources_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SourceId_ExternalKey",
                table: "Articles",
                columns: new[] { "SourceId", "ExternalKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationSources_OpdId_FeedUrl",
                table: "SyndicationSources",
                columns: new[] { "OpdId", "FeedUrl" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationSources_Paused_NextPollAt",
                table: "SyndicationSources",
                columns: new[] { "Paused", "NextPollAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_SyndicationSources_SourceId",
                table: "Articles",
                column: "SourceId",
                principalTable: "SyndicationSources",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_SyndicationSources_SourceId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "SyndicationSources");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SourceId_ExternalKey",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ExternalKey",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "GoneAtSourceAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ImportHash",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "Articles");
        }
    }
}
