namespace Observatory.Core.Backups;

/// <summary>
/// One entity of a storage table as it is backed up and restored: its keys and its properties with their stored
/// types. A value is a <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/> or a <see cref="byte"/> array, as the
/// table service keeps them (Edm.String, Boolean, Int32, Int64, Double, DateTime, Guid, Binary). The service's own
/// Timestamp and ETag are not part of it: a restore cannot set them.
/// </summary>
/// <param name="PartitionKey">The partition key.</param>
/// <param name="RowKey">The row key.</param>
/// <param name="Properties">The other properties, by name.</param>
public sealed record TableRow(string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Properties);
