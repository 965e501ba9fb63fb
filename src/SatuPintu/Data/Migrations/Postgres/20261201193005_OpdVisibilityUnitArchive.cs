using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Postgres
{
    /// <summary>
    /// Opds.Hidden: a new OPD stays off the public pages until an admin shows it; existing OPDs keep showing
    /// (the column's default). OpdUnits.ArchivedAt: archived units leave the portal but stay for the network registry.
    /// </summary>
    [DbContext(typeof(PostgresSatuPintuDb))]
    [Migration("20261201193005_OpdVisibilityUnitArchive")]
    public partial class OpdVisibilityUnitArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Hidden",
                table: "Opds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "OpdUnits",
                type: "timestamp with time zone",
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
