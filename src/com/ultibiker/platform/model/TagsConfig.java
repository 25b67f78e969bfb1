package com.ultibiker.platform.model;

import java.util.Map;

/** Values of the required tags that come from config, plus optional extra tags for every resource. */
public record TagsConfig(String project, String owner, String costCenter, Map<String, String> extra) {
}
