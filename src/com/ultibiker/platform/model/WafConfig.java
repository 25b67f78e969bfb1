package com.ultibiker.platform.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The WAFv2 web ACL on every region's public load balancer (section {@code edge.waf}). Build with
 * {@link #builder()}.
 *
 * @param designCapacityRps        requests per second the platform is designed for; default 400 (planning
 *                                 document: 250 RPS peaks plus 60% headroom)
 * @param perIpSharePercent        share of the design capacity one client address may use before the rate
 *                                 rule acts; default 5 (1–100)
 * @param evaluationWindowSeconds  the window WAF counts a client's requests over: 60, 120, 300 or 600; default 300
 * @param ruleGroupActions         per managed rule group, {@code block} (its own actions) or {@code count} (a
 *                                 first rollout: nothing is blocked, matches are logged); default block for each
 * @param rateLimitAction          what the per-address rate rule does; default block
 * @param blockedRequestsAlarm     blocked requests in 5 minutes above which the alarm notifies the alert topic;
 *                                 default 1000
 */
public record WafConfig(
        int designCapacityRps,
        int perIpSharePercent,
        int evaluationWindowSeconds,
        Map<ManagedRuleGroup, WafAction> ruleGroupActions,
        WafAction rateLimitAction,
        int blockedRequestsAlarm) {

    public WafConfig {
        Map<ManagedRuleGroup, WafAction> all = new EnumMap<>(ManagedRuleGroup.class);
        for (ManagedRuleGroup group : ManagedRuleGroup.values()) {
            all.put(group, ruleGroupActions.getOrDefault(group, WafAction.BLOCK));
        }
        ruleGroupActions = Map.copyOf(all);
    }

    public WafAction action(ManagedRuleGroup group) {
        return ruleGroupActions.get(group);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WafConfig} by name; every field has the default documented above. */
    public static final class Builder {
        private int designCapacityRps = 400;
        private int perIpSharePercent = 5;
        private int evaluationWindowSeconds = 300;
        private Map<ManagedRuleGroup, WafAction> ruleGroupActions = Map.of();
        private WafAction rateLimitAction = WafAction.BLOCK;
        private int blockedRequestsAlarm = 1000;

        private Builder() {
        }

        public Builder designCapacityRps(int value) { this.designCapacityRps = value; return this; }
        public Builder perIpSharePercent(int value) { this.perIpSharePercent = value; return this; }
        public Builder evaluationWindowSeconds(int value) { this.evaluationWindowSeconds = value; return this; }
        public Builder ruleGroupActions(Map<ManagedRuleGroup, WafAction> value) { this.ruleGroupActions = value; return this; }
        public Builder rateLimitAction(WafAction value) { this.rateLimitAction = value; return this; }
        public Builder blockedRequestsAlarm(int value) { this.blockedRequestsAlarm = value; return this; }

        public WafConfig build() {
            return new WafConfig(designCapacityRps, perIpSharePercent, evaluationWindowSeconds, ruleGroupActions,
                    rateLimitAction, blockedRequestsAlarm);
        }
    }
}
