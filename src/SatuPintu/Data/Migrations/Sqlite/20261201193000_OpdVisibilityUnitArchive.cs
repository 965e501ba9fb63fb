using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <summary>
    /// Opds.Hidden: a new OPD stays off the public pages until an admin shows it; existing OPDs keep showing
    /// (the column's default). OpdUnits.ArchivedAt: archived units leave the portal but stay for the network registry.
    /// </summary>
    [DbContext(typeof(SqliteSatuPintuDb))]
    [Migration("20261201193000_OpdVisibilityUnitArchive")]
    public partial class OpdVisibilityUnitArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "Opds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "OpdUnits",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hidden",
                table: "Opds");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "OpdUnits");
        }
    }
}
