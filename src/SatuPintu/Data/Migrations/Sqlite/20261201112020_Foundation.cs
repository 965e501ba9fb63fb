using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ArticleRevisions_Articles_ArticleId",
                table: "ArticleRevisions");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Pages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastTotpStep",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstPublishedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // What was public before versions existed counts as ever published (the delete rule needs a reviewer for it).
            migrationBuilder.Sql("UPDATE \"Articles\" SET \"FirstPublishedAt\" = \"PublishAt\" WHERE \"PublishAt\" IS NOT NULL AND \"Status\" <> 'Scheduled';");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LoginThrottles",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginThrottles", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "PublicChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoginThrottles_LastFailureAt",
                table: "LoginThrottles",
                column: "LastFailureAt");

            migrationBuilder.CreateIndex(
                name: "IX_PublicChanges_At",
                table: "PublicChanges",
                column: "At");

            migrationBuilder.AddForeignKey(
                name: "FK_ArticleRevisions_Articles_ArticleId",
                table: "ArticleRevisions",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ArticleRevisions_Articles_ArticleId",
                table: "ArticleRevisions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "LoginThrottles");

            migrationBuilder.DropTable(
                name: "PublicChanges");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "LastTotpStep",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "FirstPublishedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Articles");

            migrationBuilder.AlterColumn<int>(
                name: "ArticleId",
                table: "ArticleRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ArticleRevisions_Articles_ArticleId",
                table: "ArticleRevisions",
                column: "ArticleId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
