using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Arrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArrsBaselines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Wte = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffRef = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    VacantFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefilledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedOffOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsBaselines_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArrsRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AfcBand = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReimbursableFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsRoles", x => x.Id);
                    table.UniqueConstraint("AK_ArrsRoles_Code", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ArrsStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffRef = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Wte = table.Column<long>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransferredFromClinicalPharmacistScheme = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThirdPartySplw = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cover = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsStaff_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArrSumMethods",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RatePerWeightedPatient = table.Column<long>(type: "INTEGER", nullable: false),
                    GpRatePerWeightedPatient = table.Column<long>(type: "INTEGER", nullable: false),
                    MonthsFunded = table.Column<int>(type: "INTEGER", nullable: false),
                    BandRoleCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DoubleFromPopulation = table.Column<int>(type: "INTEGER", nullable: false),
                    TripleFromPopulation = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedForward = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrSumMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArrsRateEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaTier = table.Column<int>(type: "INTEGER", nullable: false),
                    ReimbursementRate = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxReimbursablePerWteYear = table.Column<long>(type: "INTEGER", nullable: true),
                    CarriedForward = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsRateEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsRateEntries_ArrsRoles_RoleCode",
                        column: x => x.RoleCode,
                        principalTable: "ArrsRoles",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrsRoleLimits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromFinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxWte = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxWteAtOrAboveThreshold = table.Column<long>(type: "INTEGER", nullable: true),
                    PopulationThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsRoleLimits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsRoleLimits_ArrsRoles_RoleCode",
                        column: x => x.RoleCode,
                        principalTable: "ArrsRoles",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ArrsClaimLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PcnId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    StaffRef = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "INTEGER", nullable: false),
                    Wte = table.Column<long>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Salary = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerNi = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerPension = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherOnCosts = table.Column<long>(type: "INTEGER", nullable: false),
                    ThirdPartyFee = table.Column<long>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TransferredFromClinicalPharmacistScheme = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThirdPartySplw = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cover = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    QueryResponse = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClaimedCost = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxForPeriod = table.Column<long>(type: "INTEGER", nullable: false),
                    Rate = table.Column<long>(type: "INTEGER", nullable: false),
                    Reimbursable = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousReimbursable = table.Column<long>(type: "INTEGER", nullable: true),
                    WorstOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsClaimLines_ArrsStaff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "ArrsStaff",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ArrsClaimLines_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArrsClaimOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClaimLineId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsClaimOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArrsClaimOutcomes_ArrsClaimLines_ClaimLineId",
                        column: x => x.ClaimLineId,
                        principalTable: "ArrsClaimLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsBaselines_PcnId_RoleCode",
                table: "ArrsBaselines",
                columns: new[] { "PcnId", "RoleCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_FinancialYearStart_PcnId_Month",
                table: "ArrsClaimLines",
                columns: new[] { "FinancialYearStart", "PcnId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_PcnId",
                table: "ArrsClaimLines",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_StaffMemberId",
                table: "ArrsClaimLines",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimLines_Status_DueOn",
                table: "ArrsClaimLines",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimOutcomes_ClaimLineId_Code",
                table: "ArrsClaimOutcomes",
                columns: new[] { "ClaimLineId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrsClaimOutcomes_Code_Severity",
                table: "ArrsClaimOutcomes",
                columns: new[] { "Code", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_ArrsRateEntries_RoleCode_AreaTier_EffectiveFrom",
                table: "ArrsRateEntries",
                columns: new[] { "RoleCode", "AreaTier", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrsRoleLimits_RoleCode_FromFinancialYearStart",
                table: "ArrsRoleLimits",
                columns: new[] { "RoleCode", "FromFinancialYearStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrsRoles_Code",
                table: "ArrsRoles",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrsStaff_PcnId_StaffRef",
                table: "ArrsStaff",
                columns: new[] { "PcnId", "StaffRef" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArrSumMethods_FinancialYearStart",
                table: "ArrSumMethods",
                column: "FinancialYearStart",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArrsBaselines");

            migrationBuilder.DropTable(
                name: "ArrsClaimOutcomes");

            migrationBuilder.DropTable(
                name: "ArrsRateEntries");

            migrationBuilder.DropTable(
                name: "ArrsRoleLimits");

            migrationBuilder.DropTable(
                name: "ArrSumMethods");

            migrationBuilder.DropTable(
                name: "ArrsClaimLines");

            migrationBuilder.DropTable(
                name: "ArrsRoles");

            migrationBuilder.DropTable(
                name: "ArrsStaff");
        }
    }
}
