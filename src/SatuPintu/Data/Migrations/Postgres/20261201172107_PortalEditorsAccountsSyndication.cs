using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalEditorsAccountsSyndication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Forms",
                table: "PublicServices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "PublicServices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "PublicServices",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MapUrl",
                table: "PublicServices",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Office",
                table: "PublicServices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficeAddress",
                table: "PublicServices",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PopularRank",
                table: "PublicServices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PublicServices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "PublicServices",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "OpdUnits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "OpdUnits",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "OpdUnits",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "Opds",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ArticleId",
                table: "Documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedBy",
                table: "Articles",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalKey",
                table: "Articles",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GoneAtSourceAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportHash",
                table: "Articles",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageCaption",
                table: "Articles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageCredit",
                table: "Articles",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadImageId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedRevision",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevisedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "Articles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "Articles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccountLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountLinks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleAddresses_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyndicationSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpdId = table.Column<int>(type: "integer", nullable: false),
                    SiteUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FeedUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Alternatives = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    IntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ETag = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NextPollAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFetchAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    BackoffUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ItemsImported = table.Column<int>(type: "integer", nullable: false),
                    ArchiveComplete = table.Column<bool>(type: "boolean", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_Documents_ArticleId",
                table: "Documents",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SourceId_ExternalKey",
                table: "Articles",
                columns: new[] { "SourceId", "ExternalKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccountLinks_Hash",
                table: "AccountLinks",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccountLinks_UserId",
                table: "AccountLinks",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAddresses_ArticleId",
                table: "ArticleAddresses",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAddresses_Slug",
                table: "ArticleAddresses",
                column: "Slug",
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
                name: "FK_Articles_MediaFiles_LeadImageId",
                table: "Articles",
                column: "LeadImageId",
                principalTable: "MediaFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_SyndicationSources_SourceId",
                table: "Articles",
                column: "SourceId",
                principalTable: "SyndicationSources",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Documents_Articles_ArticleId",
                table: "Documents",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_MediaFiles_LeadImageId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Articles_SyndicationSources_SourceId",
                table: "Articles");

            migrationBuilder.DropForeignKey(
                name: "FK_Documents_Articles_ArticleId",
                table: "Documents");

            migrationBuilder.DropTable(
                name: "AccountLinks");

            migrationBuilder.DropTable(
                name: "ArticleAddresses");

            migrationBuilder.DropTable(
                name: "SyndicationSources");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ArticleId",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_SourceId_ExternalKey",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Forms",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "MapUrl",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "Office",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "OfficeAddress",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "PopularRank",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "PublicServices");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "OpdUnits");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "OpdUnits");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "OpdUnits");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "Opds");

            migrationBuilder.DropColumn(
                name: "ArticleId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
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
                name: "LeadImageCaption",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageCredit",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ProposedRevision",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "RevisedAt",
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
