using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyndicationArchiveResume : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ArchiveNextPage",
                table: "SyndicationSources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchiveNextPage",
                table: "SyndicationSources");
        }
    }
}
