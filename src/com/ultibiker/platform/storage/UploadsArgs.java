package com.ultibiker.platform.storage;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.UploadsConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Uploads}. Build with {@link #builder()}.
 *
 * @param region  the primary region, where workloads write
 * @param replica the region the bucket is replicated to, when {@code settings.replicate()}
 */
public record UploadsArgs(AwsRegion region, Optional<AwsRegion> replica, UploadsConfig settings, Tagging tagging,
                          StatefulProtection protection) {

    public UploadsArgs {
        Objects.requireNonNull(region, "region");
        replica = Objects.requireNonNullElse(replica, Optional.empty());
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
        if (settings.replicate() != replica.isPresent()) {
            throw new IllegalArgumentException("uploads: replicate is " + settings.replicate() + " but a replica region is "
                    + (replica.isPresent() ? "given" : "missing"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private AwsRegion region;
        private Optional<AwsRegion> replica = Optional.empty();
        private UploadsConfig settings;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder replica(Optional<AwsRegion> value) { this.replica = value; return this; }
        public Builder settings(UploadsConfig value) { this.settings = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public UploadsArgs build() {
            return new UploadsArgs(Required.of(region, "UploadsArgs.region"), replica,
                    Required.of(settings, "UploadsArgs.settings"), Required.of(tagging, "UploadsArgs.tagging"),
                    Required.of(protection, "UploadsArgs.protection"));
        }
    }
}
