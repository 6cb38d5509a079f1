using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PcnCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: true),
                    IsDisabled = table.Column<bool>(type: "bit", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Entity = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    EntityKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    After = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommitteeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Time = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesFundingRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    YearStart = table.Column<int>(type: "int", nullable: false),
                    Component = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    RatePerPatient = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    YearFraction = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesFundingRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GlossaryTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Term = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Meaning = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Localities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Localities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatrixVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OdDeclaredInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PersonName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OrganisationCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Nature = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdDeclaredInterests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OdFunds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartYear = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Total = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    CdRingFencePercent = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    HeldBack = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    HeldBackPurpose = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Method = table.Column<int>(type: "int", nullable: false),
                    RatePerPatient = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    PopulationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EoiDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Quorum = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OdFunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Practices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    CcgCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Practices", x => x.Id);
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    RoleId = table.Column<string>(type: "nvarchar(450)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitteePapers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    AgendaNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<int>(type: "int", nullable: false),
                    KeyPoints = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Recommendations = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    PreviouslyConsideredBy = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    DeclaredInterest = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    RiskAndAssurance = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    FinancialImplications = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    LegalImplications = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    HealthInequalities = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    EqualityAndDiversity = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    PatientAndPublicInvolvement = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    CommunicationsAndEngagement = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    Authors = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    SponsoringDirector = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    IsPartTwo = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PaperVersion = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteePapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteePapers_CommitteeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pcns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CcgCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    CcgName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LocalityId = table.Column<int>(type: "int", nullable: true),
                    OpenDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CloseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NominatedPayeeCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    NominatedPayeeName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NetworkAgreementSigned = table.Column<DateOnly>(type: "date", nullable: true),
                    DataSharingAgreementSigned = table.Column<DateOnly>(type: "date", nullable: true),
                    MapNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PopulationExceptionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    PopulationExceptionAgreed = table.Column<DateOnly>(type: "date", nullable: true),
                    PopulationExceptionAgreedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pcns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pcns_Localities_LocalityId",
                        column: x => x.LocalityId,
                        principalTable: "Localities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    YearStart = table.Column<int>(type: "int", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MatrixVersionId = table.Column<int>(type: "int", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRounds_MatrixVersions_MatrixVersionId",
                        column: x => x.MatrixVersionId,
                        principalTable: "MatrixVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatrixDescriptors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MatrixVersionId = table.Column<int>(type: "int", nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    ForPcns = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ForSystems = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatrixDescriptors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatrixDescriptors_MatrixVersions_MatrixVersionId",
                        column: x => x.MatrixVersionId,
                        principalTable: "MatrixVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OdAllocationVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    RatePerPatient = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    PopulationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Distributable = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    TotalAllocated = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    OutcomeCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OutcomeMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ComputedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundId = table.Column<int>(type: "int", nullable: false),
                    PcnCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ConfirmedNotFundedElsewhere = table.Column<bool>(type: "bit", nullable: false),
                    ClinicalDirectorConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    ClinicalDirectorConfirmedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ClinicalDirectorConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OverShareReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PanelRole = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
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
                name: "PracticeListSizes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PracticeId = table.Column<int>(type: "int", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    Registered = table.Column<int>(type: "int", nullable: false),
                    Weighted = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeListSizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeListSizes_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FinalisedPaperVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    FinalisedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinalisedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SnapshotJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Pdf = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FinalisedPaperVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FinalisedPaperVersions_CommitteePapers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "CommitteePapers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperRisks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Risk = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Mitigations = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CurrentLikelihood = table.Column<int>(type: "int", nullable: false),
                    CurrentImpact = table.Column<int>(type: "int", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "int", nullable: false),
                    TargetImpact = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperRisks_CommitteePapers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "CommitteePapers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    DataKey = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: true),
                    ShowDetail = table.Column<bool>(type: "bit", nullable: false),
                    IsAppendix = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperSections_CommitteePapers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "CommitteePapers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ArrsPcnAreaTiers",
                columns: table => new
                {
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    Tier = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArrsPcnAreaTiers", x => x.PcnId);
                    table.ForeignKey(
                        name: "FK_ArrsPcnAreaTiers_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ClinicalDirectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Profession = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicalDirectors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicalDirectors_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PcnChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DirectorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DirectorProfession = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OrganisationCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    OrganisationName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NetworkAgreementSigned = table.Column<DateOnly>(type: "date", nullable: true),
                    DataSharingAgreementSigned = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PcnChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PcnChangeRequests_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PcnMemberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    PracticeId = table.Column<int>(type: "int", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CrossBoundary = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PcnMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PcnMemberships_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PcnMemberships_Practices_PracticeId",
                        column: x => x.PracticeId,
                        principalTable: "Practices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    PcnId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LastEditedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastEditedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewMeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewAttendees = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReviewSummary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewActions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityReturns_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityReturns_Pcns_PcnId",
                        column: x => x.PcnId,
                        principalTable: "Pcns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OdAllocationShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AllocationVersionId = table.Column<int>(type: "int", nullable: false),
                    PcnCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    PcnName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Population = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Working = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EoiId = table.Column<int>(type: "int", nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    SupportRequested = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Deliverable = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    DomainCodes = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EoiId = table.Column<int>(type: "int", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Reasons = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Conditions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ApprovedAmount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    VoterIds = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    VoterNames = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Excluded = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FundId = table.Column<int>(type: "int", nullable: false),
                    EoiId = table.Column<int>(type: "int", nullable: false),
                    PcnCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Timing = table.Column<int>(type: "int", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                name: "MaturityAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReturnId = table.Column<int>(type: "int", nullable: false),
                    Domain = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    Position = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    NotAssessedReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    WhatWorkedWell = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ToContinue = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SupportNeeded = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AgreedPosition = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityAnswers_MaturityReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "MaturityReturns",
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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true,
                filter: "[NormalizedName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_MatrixVersionId",
                table: "AssessmentRounds",
                column: "MatrixVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_YearStart",
                table: "AssessmentRounds",
                column: "YearStart",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Actor",
                table: "AuditEntries",
                column: "Actor");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_EntityKey",
                table: "AuditEntries",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ClinicalDirectors_PcnId",
                table: "ClinicalDirectors",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetings_Date",
                table: "CommitteeMeetings",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteePapers_MeetingId_AgendaNumber",
                table: "CommitteePapers",
                columns: new[] { "MeetingId", "AgendaNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_DesFundingRates_YearStart_Component",
                table: "DesFundingRates",
                columns: new[] { "YearStart", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FinalisedPaperVersions_PaperId_VersionNumber",
                table: "FinalisedPaperVersions",
                columns: new[] { "PaperId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryTerms_Term",
                table: "GlossaryTerms",
                column: "Term",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Localities_Name",
                table: "Localities",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatrixDescriptors_MatrixVersionId_Domain_Step",
                table: "MatrixDescriptors",
                columns: new[] { "MatrixVersionId", "Domain", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatrixVersions_Name",
                table: "MatrixVersions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAnswers_ReturnId_Domain",
                table: "MaturityAnswers",
                columns: new[] { "ReturnId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityReturns_PcnId",
                table: "MaturityReturns",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityReturns_RoundId_PcnId",
                table: "MaturityReturns",
                columns: new[] { "RoundId", "PcnId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_PaperRisks_PaperId",
                table: "PaperRisks",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperSections_PaperId_Position",
                table: "PaperSections",
                columns: new[] { "PaperId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PcnChangeRequests_PcnId",
                table: "PcnChangeRequests",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_PcnChangeRequests_Status_EffectiveDate",
                table: "PcnChangeRequests",
                columns: new[] { "Status", "EffectiveDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PcnMemberships_PcnId",
                table: "PcnMemberships",
                column: "PcnId");

            migrationBuilder.CreateIndex(
                name: "IX_PcnMemberships_PracticeId_StartDate",
                table: "PcnMemberships",
                columns: new[] { "PracticeId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pcns_CcgCode",
                table: "Pcns",
                column: "CcgCode");

            migrationBuilder.CreateIndex(
                name: "IX_Pcns_Code",
                table: "Pcns",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pcns_LocalityId",
                table: "Pcns",
                column: "LocalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Pcns_Name",
                table: "Pcns",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeListSizes_PracticeId_AsAt",
                table: "PracticeListSizes",
                columns: new[] { "PracticeId", "AsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Practices_Code",
                table: "Practices",
                column: "Code",
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
                name: "ArrsPcnAreaTiers");

            migrationBuilder.DropTable(
                name: "ArrsRateEntries");

            migrationBuilder.DropTable(
                name: "ArrsRoleLimits");

            migrationBuilder.DropTable(
                name: "ArrSumMethods");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ClinicalDirectors");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DesFundingRates");

            migrationBuilder.DropTable(
                name: "FinalisedPaperVersions");

            migrationBuilder.DropTable(
                name: "GlossaryTerms");

            migrationBuilder.DropTable(
                name: "MatrixDescriptors");

            migrationBuilder.DropTable(
                name: "MaturityAnswers");

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
                name: "PaperRisks");

            migrationBuilder.DropTable(
                name: "PaperSections");

            migrationBuilder.DropTable(
                name: "PcnChangeRequests");

            migrationBuilder.DropTable(
                name: "PcnMemberships");

            migrationBuilder.DropTable(
                name: "PracticeListSizes");

            migrationBuilder.DropTable(
                name: "ArrsClaimLines");

            migrationBuilder.DropTable(
                name: "ArrsRoles");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "MaturityReturns");

            migrationBuilder.DropTable(
                name: "OdAllocationVersions");

            migrationBuilder.DropTable(
                name: "OdEois");

            migrationBuilder.DropTable(
                name: "CommitteePapers");

            migrationBuilder.DropTable(
                name: "Practices");

            migrationBuilder.DropTable(
                name: "ArrsStaff");

            migrationBuilder.DropTable(
                name: "AssessmentRounds");

            migrationBuilder.DropTable(
                name: "OdFunds");

            migrationBuilder.DropTable(
                name: "CommitteeMeetings");

            migrationBuilder.DropTable(
                name: "Pcns");

            migrationBuilder.DropTable(
                name: "MatrixVersions");

            migrationBuilder.DropTable(
                name: "Localities");
        }
    }
}
