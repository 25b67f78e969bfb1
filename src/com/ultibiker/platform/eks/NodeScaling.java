package com.ultibiker.platform.eks;

import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.GetNodeGroupPlainArgs;
import com.pulumi.aws.eks.inputs.GetNodeGroupsPlainArgs;
import com.pulumi.aws.eks.outputs.GetNodeGroupResult;
import com.pulumi.aws.eks.outputs.GetNodeGroupScalingConfig;
import com.pulumi.resources.InvokeArgs;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.model.NodePoolSpec;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The desired size a node group is registered with. The cluster autoscaler owns it after creation, so
 * Pulumi ignores it ({@code ignoreChanges}) and sends the size from its state with every update. EKS
 * refuses a minimum above, or a maximum below, the desired size it is sent ("Minimum capacity 5 can't be
 * greater than desired size 3"; terraform-provider-aws #18310). So the live desired size is read first: while
 * it lies within the configured [minSize, maxSize] it stays the autoscaler's and is ignored; when a change of
 * minSize or maxSize puts it outside, this {@code up} sends it moved into the new range (the preview shows
 * that change), after which the autoscaler owns it again.
 *
 * @param desiredSize        the size registered (on creation: the configured desiredSize)
 * @param ownedByAutoscaler  whether Pulumi ignores it from now on
 */
public record NodeScaling(int desiredSize, boolean ownedByAutoscaler) {

    /** Pure: the scaling to register for {@code pool} given the live desired size of its group, if it exists. */
    public static NodeScaling decide(NodePoolSpec pool, OptionalInt liveDesired) {
        if (liveDesired.isEmpty()) {
            return new NodeScaling(pool.desiredSize(), true);
        }
        int live = liveDesired.getAsInt();
        if (live >= pool.minSize() && live <= pool.maxSize()) {
            return new NodeScaling(live, true);
        }
        return new NodeScaling(Math.max(pool.minSize(), Math.min(pool.maxSize(), live)), false);
    }

    /**
     * The live desired size of the pool's node group: EKS names it {@code <pool>-<26 digits>} (the provider's
     * name prefix plus unique suffix). Empty when the cluster or the group does not exist yet (a first up).
     * During a replacement two groups can exist; the larger desired size counts.
     */
    public static OptionalInt liveDesired(AwsRegion region, String clusterName, String poolName) {
        var clusters = EksFunctions.getClustersPlain(InvokeArgs.Empty, region.invokeOptions()).join();
        if (!clusters.names().contains(clusterName)) {
            return OptionalInt.empty();
        }
        Pattern generated = Pattern.compile(Pattern.quote(poolName + "-") + "\\d{26}");
        var groups = EksFunctions.getNodeGroupsPlain(GetNodeGroupsPlainArgs.builder().clusterName(clusterName).build(),
                region.invokeOptions()).join();
        return groups.names().stream().filter(n -> generated.matcher(n).matches())
                .mapToInt(n -> desiredSize(clusterName, n, EksFunctions.getNodeGroupPlain(GetNodeGroupPlainArgs.builder()
                                .clusterName(clusterName).nodeGroupName(n).build(), region.invokeOptions())
                        .join()))
                .max();
    }

    /** The desired size EKS reports for a node group; every managed node group has one, so none is an error. */
    static int desiredSize(String clusterName, String nodeGroupName, GetNodeGroupResult group) {
        return group.scalingConfigs().stream().findFirst().map(GetNodeGroupScalingConfig::desiredSize)
                .orElseThrow(() -> new IllegalStateException("aws:eks/getNodeGroup:getNodeGroup " + clusterName + "/"
                        + nodeGroupName + ": AWS returned no scalingConfig.desiredSize; the live size cannot be kept"));
    }
}
