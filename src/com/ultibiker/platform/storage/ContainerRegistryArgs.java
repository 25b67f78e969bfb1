package com.ultibiker.platform.storage;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.EcrConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link ContainerRegistry}. Build with {@link #builder()}.
 *
 * @param region  the primary region, where CI pushes
 * @param standby the standby region: the same repositories exist there (its cluster pulls from them)
 */
public record ContainerRegistryArgs(AwsRegion region, Optional<AwsRegion> standby, EcrConfig settings, Tagging tagging,
                                    StatefulProtection protection) {

    public ContainerRegistryArgs {
        Objects.requireNonNull(region, "region");
        standby = Objects.requireNonNullElse(standby, Optional.empty());
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private AwsRegion region;
        private Optional<AwsRegion> standby = Optional.empty();
        private EcrConfig settings;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder standby(Optional<AwsRegion> value) { this.standby = value; return this; }
        public Builder settings(EcrConfig value) { this.settings = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public ContainerRegistryArgs build() {
            return new ContainerRegistryArgs(Required.of(region, "ContainerRegistryArgs.region"), standby,
                    Required.of(settings, "ContainerRegistryArgs.settings"), Required.of(tagging, "ContainerRegistryArgs.tagging"),
                    Required.of(protection, "ContainerRegistryArgs.protection"));
        }
    }
}
