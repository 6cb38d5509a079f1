-- Run once at start-up by docker-compose.yml's db-init service, as sa, with sqlcmd variables PortalDatabase, PortalLogin and
-- PortalPassword. Creates the portal's database and its own login, mapped to a user of that database only, with the least it
-- needs: read and write data, and change the schema (the portal applies its EF Core migrations at start-up). Not sysadmin,
-- not db_owner, no server-level permission. Safe to run again: an existing login has its password reset to PortalPassword.
SET NOCOUNT ON;

IF DB_ID(N'$(PortalDatabase)') IS NULL
    CREATE DATABASE [$(PortalDatabase)];
GO

IF SUSER_ID(N'$(PortalLogin)') IS NULL
    CREATE LOGIN [$(PortalLogin)] WITH PASSWORD = N'$(PortalPassword)', CHECK_POLICY = ON, DEFAULT_DATABASE = [$(PortalDatabase)];
ELSE
    ALTER LOGIN [$(PortalLogin)] WITH PASSWORD = N'$(PortalPassword)';
GO

USE [$(PortalDatabase)];
GO

IF USER_ID(N'$(PortalLogin)') IS NULL
    CREATE USER [$(PortalLogin)] FOR LOGIN [$(PortalLogin)] WITH DEFAULT_SCHEMA = [dbo];
GO

ALTER ROLE db_datareader ADD MEMBER [$(PortalLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(PortalLogin)];
ALTER ROLE db_ddladmin ADD MEMBER [$(PortalLogin)];
GO
