using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListsVisibilityAcronymsSyndication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchiveReadAt",
                table: "SyndicationSources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GoneItems",
                table: "SyndicationSources",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Keep");

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "OpdUnits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "Opds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RegulationNumber",
                table: "Documents",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegulationStatus",
                table: "Documents",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegulationYear",
                table: "Documents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Articles",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchAcronyms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Abbreviation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Phrases = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAcronyms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SyndicationImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    UrlHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MediaFileId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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
