using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CitizenServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Forms",
                table: "PublicServices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "PublicServices",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "PublicServices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MapUrl",
                table: "PublicServices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Office",
                table: "PublicServices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficeAddress",
                table: "PublicServices",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PopularRank",
                table: "PublicServices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "PublicServices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "PublicServices",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "OpdUnits",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "OpdUnits",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "OpdUnits",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hours",
                table: "Opds",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
