package com.ultibiker.platform.model;

import java.util.Map;

/** Values of the required tags that come from config, plus optional extra tags for every resource. */
public record TagsConfig(String project, String owner, String costCenter, Map<String, String> extra) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TagsConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String project;
        private String owner;
        private String costCenter;
        private Map<String, String> extra;

        private Builder() {
        }

        public Builder project(String value) { this.project = value; return this; }
        public Builder owner(String value) { this.owner = value; return this; }
        public Builder costCenter(String value) { this.costCenter = value; return this; }
        public Builder extra(Map<String, String> value) { this.extra = value; return this; }

        public TagsConfig build() {
            return new TagsConfig(
                    Required.of(project, "TagsConfig.project"),
                    Required.of(owner, "TagsConfig.owner"),
                    Required.of(costCenter, "TagsConfig.costCenter"),
                    Required.of(extra, "TagsConfig.extra"));
        }
    }
}
