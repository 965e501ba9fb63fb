using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SatuPintu.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkPhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkPhases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkUplinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mbps = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyCostRupiah = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkUplinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkBudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PlannedRupiah = table.Column<long>(type: "INTEGER", nullable: false),
                    RealisedRupiah = table.Column<long>(type: "INTEGER", nullable: false),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkBudgetLines_NetworkPhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "NetworkPhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CoordinatesApproximate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentSiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StateSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSites_NetworkPhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "NetworkPhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkSites_NetworkSites_ParentSiteId",
                        column: x => x.ParentSiteId,
                        principalTable: "NetworkSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommittedDownMbps = table.Column<int>(type: "INTEGER", nullable: false),
                    CommittedUpMbps = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeviceModel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ManagementAddress = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InstalledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MonthlyCostRupiah = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkLinks_NetworkSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "NetworkSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSiteOpds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpdId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpdUnitId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSiteOpds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSiteOpds_NetworkSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "NetworkSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkSiteOpds_OpdUnits_OpdUnitId",
                        column: x => x.OpdUnitId,
                        principalTable: "OpdUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkSiteOpds_Opds_OpdId",
                        column: x => x.OpdId,
                        principalTable: "Opds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSiteStateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSiteStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSiteStateChanges_NetworkSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "NetworkSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSubnets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Vlan = table.Column<int>(type: "INTEGER", nullable: true),
                    Cidr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Family = table.Column<int>(type: "INTEGER", nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSubnets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSubnets_NetworkSites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "NetworkSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkBudgetLines_FiscalYear_Source",
                table: "NetworkBudgetLines",
                columns: new[] { "FiscalYear", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkBudgetLines_PhaseId",
                table: "NetworkBudgetLines",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkLinks_SiteId",
                table: "NetworkLinks",
                column: "SiteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkPhases_Name",
                table: "NetworkPhases",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSiteOpds_OpdId",
                table: "NetworkSiteOpds",
                column: "OpdId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSiteOpds_OpdUnitId",
                table: "NetworkSiteOpds",
                column: "OpdUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSiteOpds_SiteId_OpdId_OpdUnitId",
                table: "NetworkSiteOpds",
                columns: new[] { "SiteId", "OpdId", "OpdUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSites_Name",
                table: "NetworkSites",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSites_ParentSiteId",
                table: "NetworkSites",
                column: "ParentSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSites_PhaseId",
                table: "NetworkSites",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSites_State",
                table: "NetworkSites",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSiteStateChanges_SiteId_ChangedAt",
                table: "NetworkSiteStateChanges",
                columns: new[] { "SiteId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSubnets_Cidr",
                table: "NetworkSubnets",
                column: "Cidr",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSubnets_Family",
                table: "NetworkSubnets",
                column: "Family");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSubnets_SiteId",
                table: "NetworkSubnets",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkBudgetLines");

            migrationBuilder.DropTable(
                name: "NetworkLinks");

            migrationBuilder.DropTable(
                name: "NetworkSiteOpds");

            migrationBuilder.DropTable(
                name: "NetworkSiteStateChanges");

            migrationBuilder.DropTable(
                name: "NetworkSubnets");

            migrationBuilder.DropTable(
                name: "NetworkUplinks");

            migrationBuilder.DropTable(
                name: "NetworkSites");

            migrationBuilder.DropTable(
                name: "NetworkPhases");
        }
    }
}
