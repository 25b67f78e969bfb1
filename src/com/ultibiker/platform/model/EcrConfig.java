package com.ultibiker.platform.model;

import java.util.List;
import java.util.Objects;

/**
 * The {@code ecr} section: the platform services' container image repositories (see the README's config reference).
 *
 * @param repositories        service names, one repository {@code <project>/<env>/<name>} each; default {@code [api, websocket]}
 * @param untaggedExpiryDays  days after which an untagged image expires; default 7
 * @param keepTaggedImages    tagged images kept per repository (the newest); default 30
 * @param registryReplication who writes the registry's replication to {@code regions.secondary}; default
 *                            {@code managed} with a secondary region, else {@code none}
 */
public record EcrConfig(List<String> repositories, int untaggedExpiryDays, int keepTaggedImages,
                        RegistryReplication registryReplication) {

    public EcrConfig {
        repositories = List.copyOf(Objects.requireNonNull(repositories, "repositories"));
        Objects.requireNonNull(registryReplication, "registryReplication");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> repositories;
        private Integer untaggedExpiryDays;
        private Integer keepTaggedImages;
        private RegistryReplication registryReplication;

        private Builder() {
        }

        public Builder repositories(List<String> value) { this.repositories = value; return this; }
        public Builder untaggedExpiryDays(int value) { this.untaggedExpiryDays = value; return this; }
        public Builder keepTaggedImages(int value) { this.keepTaggedImages = value; return this; }
        public Builder registryReplication(RegistryReplication value) { this.registryReplication = value; return this; }

        public EcrConfig build() {
            return new EcrConfig(
                    Required.of(repositories, "EcrConfig.repositories"),
                    Required.of(untaggedExpiryDays, "EcrConfig.untaggedExpiryDays"),
                    Required.of(keepTaggedImages, "EcrConfig.keepTaggedImages"),
                    Required.of(registryReplication, "EcrConfig.registryReplication"));
        }
    }
}
