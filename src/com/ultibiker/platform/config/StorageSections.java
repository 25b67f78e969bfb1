package com.ultibiker.platform.config;

import com.ultibiker.platform.model.EcrConfig;
import com.ultibiker.platform.model.RegistryReplication;
import com.ultibiker.platform.model.Regions;
import com.ultibiker.platform.model.UploadsConfig;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the {@code uploads} and {@code ecr} sections (every default and rule of their configs). */
final class StorageSections {

    /**
     * A service name: a repository {@code <project>/<env>/<name>} must match ECR's
     * {@code (?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*} (CreateRepository), and the name is
     * also a resource name fragment, so: lowercase letters and digits, single hyphens between them, at most 24.
     */
    static final Pattern SERVICE = Pattern.compile("(?=.{1,24}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    /** ECR lifecycle policy: countNumber is a positive integer; S3 lifecycle days likewise. */
    static final int MAX_DAYS = 3650;
    static final int MAX_KEPT_IMAGES = 10000;

    private StorageSections() {
    }

    static UploadsConfig uploads(ConfigSection s, Regions regions, Problems problems) {
        int noncurrent = ranged(s, "noncurrentVersionExpirationDays", 30, 1, MAX_DAYS, problems);
        int multipart = ranged(s, "abortIncompleteMultipartDays", 7, 1, MAX_DAYS, problems);
        boolean replicate = s.bool("replicate", regions.isMultiRegion());
        if (replicate && !regions.isMultiRegion()) {
            problems.invalid(s.keyOf("replicate"), true, "false without regions.secondary (there is no region to replicate to)");
        }
        s.rejectUnknownKeys();
        return UploadsConfig.builder()
                .noncurrentVersionExpirationDays(noncurrent)
                .abortIncompleteMultipartDays(multipart)
                .replicate(replicate)
                .build();
    }

    static EcrConfig ecr(ConfigSection s, Regions regions, Problems problems) {
        List<String> repositories = s.strings("repositories", List.of("api", "websocket"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < repositories.size(); i++) {
            String name = repositories.get(i);
            if (!SERVICE.matcher(name).matches()) {
                problems.invalid(s.keyOf("repositories") + "[" + i + "]", name,
                        "lowercase letters and digits with single hyphens between them, starting with a letter, at most 24 characters");
            } else if (!seen.add(name)) {
                problems.invalid(s.keyOf("repositories") + "[" + i + "]", name, "a name not already in the list");
            }
        }
        int untagged = ranged(s, "untaggedExpiryDays", 7, 1, MAX_DAYS, problems);
        int kept = ranged(s, "keepTaggedImages", 30, 1, MAX_KEPT_IMAGES, problems);
        RegistryReplication replication = s.choice("registryReplication", RegistryReplication.class,
                regions.isMultiRegion() ? RegistryReplication.MANAGED : RegistryReplication.NONE);
        if (replication == RegistryReplication.MANAGED && !regions.isMultiRegion()) {
            problems.invalid(s.keyOf("registryReplication"), replication.configName(),
                    "none without regions.secondary (there is no region to replicate to)");
        }
        s.rejectUnknownKeys();
        return EcrConfig.builder()
                .repositories(repositories)
                .untaggedExpiryDays(untagged)
                .keepTaggedImages(kept)
                .registryReplication(replication)
                .build();
    }

    private static int ranged(ConfigSection s, String key, int defaultValue, long min, long max, Problems problems) {
        int value = s.integer(key, defaultValue);
        Checks.range(value, min, max).ifPresent(allowed -> problems.invalid(s.keyOf(key), value, allowed));
        return value;
    }
}
