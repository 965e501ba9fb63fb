using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListsVisibilityAcronymsSyndicationPg : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchiveReadAt",
                table: "SyndicationSources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GoneItems",
                table: "SyndicationSources",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Keep");

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "OpdUnits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "Opds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RegulationNumber",
                table: "Documents",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegulationStatus",
                table: "Documents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegulationYear",
                table: "Documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Articles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchAcronyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Abbreviation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Phrases = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAcronyms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyndicationImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<int>(type: "integer", nullable: false),
                    UrlHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MediaFileId = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ETag = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyndicationImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyndicationImages_MediaFiles_MediaFileId",
                        column: x => x.MediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SyndicationImages_SyndicationSources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "SyndicationSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchAcronyms_Abbreviation",
                table: "SearchAcronyms",
                column: "Abbreviation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationImages_MediaFileId",
                table: "SyndicationImages",
                column: "MediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SyndicationImages_SourceId_UrlHash",
                table: "SyndicationImages",
                columns: new[] { "SourceId", "UrlHash" },
                unique: true);
            migrationBuilder.Sql(CategoryDefaults.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchAcronyms");

            migrationBuilder.DropTable(
                name: "SyndicationImages");

            migrationBuilder.DropColumn(
                name: "ArchiveReadAt",
                table: "SyndicationSources");

            migrationBuilder.DropColumn(
                name: "GoneItems",
                table: "SyndicationSources");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "OpdUnits");

            migrationBuilder.DropColumn(
                name: "Hidden",
                table: "Opds");

            migrationBuilder.DropColumn(
                name: "RegulationNumber",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "RegulationStatus",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "RegulationYear",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Articles");
        }
    }
}
