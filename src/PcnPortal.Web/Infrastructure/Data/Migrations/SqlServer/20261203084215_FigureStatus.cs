using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PcnPortal.Web.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FigureStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "DesFundingRates",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "DesFundingRates",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "DesFundingRates",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrSumMethods",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrSumMethods",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrSumMethods",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRoles",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRoleLimits",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrsRoleLimits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrsRoleLimits",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRateEntries",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CarriedForwardFrom",
                table: "ArrsRateEntries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "ArrsRateEntries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Rounded",
                table: "ArrSumMethods",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Carried-forward figures keep that status (3); the others were seeded or entered before statuses existed: unverified (0).
            migrationBuilder.Sql("UPDATE ArrsRateEntries SET Status = 3 WHERE CarriedForward = 1");
            migrationBuilder.Sql("UPDATE ArrSumMethods SET Status = 3 WHERE CarriedForward = 1");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "ArrsRateEntries");

            migrationBuilder.DropColumn(
                name: "CarriedForward",
                table: "ArrSumMethods");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "DesFundingRates");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrSumMethods");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrSumMethods");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrsRoleLimits");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrsRoleLimits");

            migrationBuilder.DropColumn(
                name: "CarriedForwardFrom",
                table: "ArrsRateEntries");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ArrsRateEntries");

            migrationBuilder.DropColumn(
                name: "Rounded",
                table: "ArrSumMethods");

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "ArrSumMethods",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrSumMethods",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRoles",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRoleLimits",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "Source",
                table: "ArrsRateEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<bool>(
                name: "CarriedForward",
                table: "ArrsRateEntries",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }
    }
}
