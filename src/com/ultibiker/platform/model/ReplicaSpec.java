package com.ultibiker.platform.model;

/**
 * A PostgreSQL read replica.
 *
 * @param region region the replica runs in (the primary region or the secondary)
 */
public record ReplicaSpec(String name, String instanceClass, String region) {
}
