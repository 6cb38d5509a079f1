namespace PcnPortal.Domain.Common;

/// <summary>
/// An entity that carries an optimistic concurrency version. The database layer increments it on every
/// update and refuses an update whose version no longer matches, so two people never overwrite each other.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
