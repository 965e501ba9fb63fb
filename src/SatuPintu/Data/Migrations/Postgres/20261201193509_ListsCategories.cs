using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListsCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
            migrationBuilder.Sql(CategoryDefaults.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
