using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    RoleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Wte = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    StaffRef = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    VacantFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    RefilledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedOffOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AfcBand = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ReimbursableFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    StaffRef = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RoleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Employer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Wte = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferredFromClinicalPharmacistScheme = table.Column<bool>(type: "bit", nullable: false),
                    ThirdPartySplw = table.Column<bool>(type: "bit", nullable: false),
                    Cover = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FinancialYearStart = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RatePerWeightedPatient = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    GpRatePerWeightedPatient = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MonthsFunded = table.Column<int>(type: "int", nullable: false),
                    BandRoleCodes = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DoubleFromPopulation = table.Column<int>(type: "int", nullable: false),
                    TripleFromPopulation = table.Column<int>(type: "int", nullable: false),
                    CarriedForward = table.Column<bool>(type: "bit", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrSumMethods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArrsRateEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AreaTier = table.Column<int>(type: "int", nullable: false),
                    ReimbursementRate = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MaxReimbursablePerWteYear = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    CarriedForward = table.Column<bool>(type: "bit", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    FromFinancialYearStart = table.Column<int>(type: "int", nullable: false),
                    MaxWte = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    MaxWteAtOrAboveThreshold = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    PopulationThreshold = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    StaffMemberId = table.Column<int>(type: "int", nullable: true),
                    StaffRef = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    StaffName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RoleCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    FinancialYearStart = table.Column<int>(type: "int", nullable: false),
                    Wte = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Salary = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    EmployerNi = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    EmployerPension = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    OtherOnCosts = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    ThirdPartyFee = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    TransferredFromClinicalPharmacistScheme = table.Column<bool>(type: "bit", nullable: false),
                    ThirdPartySplw = table.Column<bool>(type: "bit", nullable: false),
                    Cover = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DecisionText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    QueryResponse = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ApprovedAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClaimedCost = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    MaxForPeriod = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Rate = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Reimbursable = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    PreviousReimbursable = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    WorstOutcome = table.Column<int>(type: "int", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClaimLineId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Severity = table.Column<int>(type: "int", nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    FiguresJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
