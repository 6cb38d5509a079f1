using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Redistribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RedistributionRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Pool = table.Column<long>(type: "INTEGER", nullable: false),
                    Approved = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedistributionRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RedistributionBids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Wte = table.Column<long>(type: "INTEGER", nullable: false),
                    StartMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonthlyCost = table.Column<long>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    Requested = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedistributionBids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedistributionBids_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedistributionBids_RedistributionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "RedistributionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RedistributionPoolEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Entitlement = table.Column<long>(type: "INTEGER", nullable: false),
                    Claimed = table.Column<long>(type: "INTEGER", nullable: false),
                    Forecast = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedUnused = table.Column<long>(type: "INTEGER", nullable: false),
                    Working = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedistributionPoolEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedistributionPoolEntries_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedistributionPoolEntries_RedistributionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "RedistributionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RedistributionReductions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BidId = table.Column<int>(type: "INTEGER", nullable: false),
                    GiverPcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Working = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedistributionReductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RedistributionReductions_Pcns_GiverPcnId",
                        column: x => x.GiverPcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RedistributionReductions_RedistributionBids_BidId",
                        column: x => x.BidId,
                        principalTable: "RedistributionBids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionBids_PcnId_Status",
                table: "RedistributionBids",
                columns: new[] { "PcnId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionBids_RoundId_Status",
                table: "RedistributionBids",
                columns: new[] { "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionPoolEntries_PcnId",
                table: "RedistributionPoolEntries",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionPoolEntries_RoundId_PcnId",
                table: "RedistributionPoolEntries",
                columns: new[] { "RoundId", "PcnId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionReductions_BidId",
                table: "RedistributionReductions",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionReductions_GiverPcnId",
                table: "RedistributionReductions",
                column: "GiverPcnId");

            migrationBuilder.CreateIndex(
                name: "IX_RedistributionRounds_StartYear_Status",
                table: "RedistributionRounds",
                columns: new[] { "StartYear", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RedistributionPoolEntries");

            migrationBuilder.DropTable(
                name: "RedistributionReductions");

            migrationBuilder.DropTable(
                name: "RedistributionBids");

            migrationBuilder.DropTable(
                name: "RedistributionRounds");
        }
    }
}
