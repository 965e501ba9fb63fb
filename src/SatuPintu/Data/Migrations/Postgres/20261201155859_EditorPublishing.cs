using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EditorPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArticleId",
                table: "Documents",
                type: "integer",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ArticleId",
                table: "Documents",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAddresses_ArticleId",
                table: "ArticleAddresses",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAddresses_Slug",
                table: "ArticleAddresses",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_MediaFiles_LeadImageId",
                table: "Articles",
                column: "LeadImageId",
                principalTable: "MediaFiles",
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
                name: "FK_Documents_Articles_ArticleId",
                table: "Documents");

            migrationBuilder.DropTable(
                name: "ArticleAddresses");

            migrationBuilder.DropIndex(
                name: "IX_Documents_ArticleId",
                table: "Documents");

            migrationBuilder.DropIndex(
                name: "IX_Articles_LeadImageId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ArticleId",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "DeletedBy",
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
        }
    }
}
