package com.ultibiker.platform.backup;

import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Map;

/**
 * The tag that puts a data store into the stack's backup plan: {@code Backup = <project>-<environment>}.
 * The plan selects by it in every region, so a resource is backed up by being tagged where it is created
 * (RDS instances, the retained EBS volumes through their StorageClass, buckets that hold data); the value
 * names the stack so that two stacks in one account never back up each other's stores.
 */
public final class BackupTag {

    public static final String KEY = "Backup";

    private BackupTag() {
    }

    /** The value this stack's plan selects. */
    public static String value(Tagging tagging) {
        return Naming.of(tagging).prefix();
    }

    /** The tag as a resource tag map, for {@link Tagging#tags(String, Map)}. */
    public static Map<String, String> selected(Tagging tagging) {
        return Map.of(KEY, value(tagging));
    }

    /**
     * The EBS CSI driver's StorageClass parameter that tags every volume it provisions
     * ({@code tagSpecification_<n>: "key=value"}, kubernetes-sigs/aws-ebs-csi-driver docs/tagging.md).
     */
    public static Map<String, String> storageClassParameter(Tagging tagging) {
        return Map.of("tagSpecification_1", KEY + "=" + value(tagging));
    }
}
