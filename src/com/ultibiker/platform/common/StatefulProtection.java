package com.ultibiker.platform.common;

import com.pulumi.resources.CustomResourceOptions;

import java.util.Optional;

/**
 * The one helper that decides how stateful resources (databases, caches, keys, volumes, buckets,
 * DNS zones) are protected. In production: Pulumi {@code protect} (the engine refuses to delete or
 * replace them until {@code pulumi state unprotect}), deletion protection where the service has it, a
 * final snapshot with a stable identifier, and buckets and zones never force-emptied; components read
 * {@link #production()} for the rest (RDS automated backups kept, a 30-day recovery window for secrets).
 * It does not set {@code retainOnDelete}: a resource that is unprotected and then removed is deleted in
 * AWS. Outside production everything can be torn down.
 */
public record StatefulProtection(boolean production) {

    /** Resource options for a stateful resource. */
    public CustomResourceOptions.Builder options(CustomResourceOptions.Builder builder) {
        return builder.protect(production);
    }

    public boolean deletionProtection() {
        return production;
    }

    public boolean skipFinalSnapshot() {
        return !production;
    }

    /** A stable final snapshot identifier (no timestamps: a changing value would force a diff every run). */
    public String finalSnapshotIdentifier(String resourceName) {
        return resourceName + "-final";
    }

    /**
     * The final snapshot to take when the resource is deleted: {@link #finalSnapshotIdentifier} in
     * production, none elsewhere. For services where naming a final snapshot is what requests one
     * (ElastiCache), and to keep the input absent where no snapshot is taken (RDS).
     */
    public Optional<String> finalSnapshot(String resourceName) {
        return production ? Optional.of(finalSnapshotIdentifier(resourceName)) : Optional.empty();
    }

    /**
     * Whether deleting a bucket may first delete every object version in it. Outside production only:
     * a production bucket (logs, evidence) must be emptied on purpose, never as a side effect.
     */
    public boolean forceDestroy() {
        return !production;
    }
}
