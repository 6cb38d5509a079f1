using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OdFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OdDeclaredInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdDeclaredInterests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OdFunds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    CdRingFencePercent = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldBack = table.Column<long>(type: "INTEGER", nullable: false),
                    HeldBackPurpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    RatePerPatient = table.Column<long>(type: "INTEGER", nullable: true),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EoiDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quorum = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdFunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OdAllocationVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    RatePerPatient = table.Column<long>(type: "INTEGER", nullable: true),
                    PopulationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Distributable = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalAllocated = table.Column<long>(type: "INTEGER", nullable: false),
                    OutcomeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OutcomeMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdAllocationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdAllocationVersions_OdFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "OdFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdEois",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PcnCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedNotFundedElsewhere = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClinicalDirectorConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClinicalDirectorConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClinicalDirectorConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverShareReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdEois", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdEois_OdFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "OdFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdFundSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdFundSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdFundSources_OdFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "OdFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdPanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PanelRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdPanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdPanelMembers_OdFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "OdFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdAllocationShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AllocationVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PcnCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PcnName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Working = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdAllocationShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdAllocationShares_OdAllocationVersions_AllocationVersionId",
                        column: x => x.AllocationVersionId,
                        principalTable: "OdAllocationVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdEoiLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EoiId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    SupportRequested = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Deliverable = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    DomainCodes = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdEoiLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdEoiLines_OdEois_EoiId",
                        column: x => x.EoiId,
                        principalTable: "OdEois",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdPanelDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EoiId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    VoterIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VoterNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Excluded = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdPanelDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdPanelDecisions_OdEois_EoiId",
                        column: x => x.EoiId,
                        principalTable: "OdEois",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    EoiId = table.Column<int>(type: "INTEGER", nullable: false),
                    PcnCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Timing = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OdPayments_OdEois_EoiId",
                        column: x => x.EoiId,
                        principalTable: "OdEois",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OdPayments_OdFunds_FundId",
                        column: x => x.FundId,
                        principalTable: "OdFunds",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_OdAllocationShares_AllocationVersionId_PcnCode",
                table: "OdAllocationShares",
                columns: new[] { "AllocationVersionId", "PcnCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OdAllocationVersions_FundId_Number",
                table: "OdAllocationVersions",
                columns: new[] { "FundId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OdDeclaredInterests_OrganisationCode",
                table: "OdDeclaredInterests",
                column: "OrganisationCode");

            migrationBuilder.CreateIndex(
                name: "IX_OdDeclaredInterests_UserId",
                table: "OdDeclaredInterests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OdEoiLines_EoiId",
                table: "OdEoiLines",
                column: "EoiId");

            migrationBuilder.CreateIndex(
                name: "IX_OdEois_FundId_PcnCode",
                table: "OdEois",
                columns: new[] { "FundId", "PcnCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OdFunds_StartYear",
                table: "OdFunds",
                column: "StartYear");

            migrationBuilder.CreateIndex(
                name: "IX_OdFundSources_FundId",
                table: "OdFundSources",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_OdPanelDecisions_EoiId",
                table: "OdPanelDecisions",
                column: "EoiId");

            migrationBuilder.CreateIndex(
                name: "IX_OdPanelMembers_FundId_UserId",
                table: "OdPanelMembers",
                columns: new[] { "FundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OdPayments_EoiId",
                table: "OdPayments",
                column: "EoiId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OdPayments_FundId",
                table: "OdPayments",
                column: "FundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OdAllocationShares");

            migrationBuilder.DropTable(
                name: "OdDeclaredInterests");

            migrationBuilder.DropTable(
                name: "OdEoiLines");

            migrationBuilder.DropTable(
                name: "OdFundSources");

            migrationBuilder.DropTable(
                name: "OdPanelDecisions");

            migrationBuilder.DropTable(
                name: "OdPanelMembers");

            migrationBuilder.DropTable(
                name: "OdPayments");

            migrationBuilder.DropTable(
                name: "OdAllocationVersions");

            migrationBuilder.DropTable(
                name: "OdEois");

            migrationBuilder.DropTable(
                name: "OdFunds");
        }
    }
}
