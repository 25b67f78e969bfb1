package com.ultibiker.platform.observability;

import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.model.Required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values of the kube-prometheus-stack chart, pure so they can be kept as a golden file. Everything that
 * is not node-local runs on the system pool; node-exporter runs everywhere.
 *
 * @param appNamespace       namespace of the application (scraped; PodCrashLooping watches it)
 * @param influxdbUrl        InfluxDB base URL to scrape {@code /metrics} from, if any
 * @param alertTopicArn      SNS topic Alertmanager publishes to
 * @param alertRegion        region of that topic
 */
public record PrometheusStack(
        NodePlacement placement,
        String storageClass,
        int grafanaStorageGib,
        int prometheusStorageGib,
        int prometheusRetentionDays,
        String grafanaAdminSecret,
        String appNamespace,
        Optional<String> influxdbUrl,
        String alertTopicArn,
        String alertRegion,
        String environment) {

    public static final String CHART = "kube-prometheus-stack";
    public static final String REPOSITORY = "https://prometheus-community.github.io/helm-charts";
    /** Pinned: an upgrade is a reviewed change of this line (and of the golden values). */
    public static final String VERSION = "75.15.1";
    public static final String RELEASE = "kube-prometheus-stack";
    public static final String NAMESPACE = "monitoring";
    public static final String ALERTMANAGER_SERVICE_ACCOUNT = "alertmanager";
    public static final String GRAFANA_SERVICE = RELEASE + "-grafana";
    public static final String RULES_KEY = "ultibiker";

    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fullnameOverride", RELEASE);
        v.put("crds", Map.of("enabled", true));

        v.put("prometheusOperator", with(placed(), Map.of(
                "admissionWebhooks", Map.of("patch", placed()),
                "resources", resources("100m", "128Mi", "500m", "256Mi"))));

        Map<String, Object> prometheusSpec = placed();
        prometheusSpec.put("retention", prometheusRetentionDays + "d");
        prometheusSpec.put("resources", resources("250m", "1Gi", "1", "2Gi"));
        prometheusSpec.put("storageSpec", Map.of("volumeClaimTemplate", Map.of("spec", Map.of(
                "storageClassName", storageClass,
                "accessModes", List.of("ReadWriteOnce"),
                "resources", Map.of("requests", Map.of("storage", prometheusStorageGib + "Gi"))))));
        // Select rules and monitors of every release, so application teams can add their own.
        prometheusSpec.put("ruleSelectorNilUsesHelmValues", false);
        prometheusSpec.put("serviceMonitorSelectorNilUsesHelmValues", false);
        prometheusSpec.put("podMonitorSelectorNilUsesHelmValues", false);
        prometheusSpec.put("externalLabels", Map.of("environment", environment));
        prometheusSpec.put("securityContext", nonRoot(1000, 2000));
        prometheusSpec.put("additionalScrapeConfigs", scrapeConfigs());
        v.put("prometheus", Map.of("prometheusSpec", prometheusSpec));

        Map<String, Object> alertmanagerSpec = placed();
        alertmanagerSpec.put("resources", resources("50m", "64Mi", "200m", "256Mi"));
        alertmanagerSpec.put("securityContext", nonRoot(1000, 2000));
        v.put("alertmanager", Map.of(
                "serviceAccount", Map.of("create", true, "name", ALERTMANAGER_SERVICE_ACCOUNT),
                "alertmanagerSpec", alertmanagerSpec,
                "config", alertmanagerConfig()));

        Map<String, Object> grafana = placed();
        grafana.put("admin", Map.of("existingSecret", grafanaAdminSecret, "userKey", "admin-user", "passwordKey", "admin-password"));
        grafana.put("persistence", Map.of("enabled", true, "type", "pvc", "storageClassName", storageClass,
                "accessModes", List.of("ReadWriteOnce"), "size", grafanaStorageGib + "Gi"));
        grafana.put("resources", resources("100m", "256Mi", "500m", "512Mi"));
        grafana.put("sidecar", Map.of("dashboards", Map.of("enabled", true, "label", "grafana_dashboard", "labelValue", "1")));
        grafana.put("grafana.ini", Map.of(
                "analytics", Map.of("reporting_enabled", false, "check_for_updates", false),
                "users", Map.of("allow_sign_up", false),
                "auth.anonymous", Map.of("enabled", false)));
        v.put("grafana", grafana);

        v.put("kube-state-metrics", placed());
        // A DaemonSet: node metrics from every pool, whatever its taints.
        v.put("prometheus-node-exporter", Map.of("tolerations", List.of(Map.of("operator", "Exists"))));

        v.put("additionalPrometheusRulesMap", Map.of(RULES_KEY, Map.of(
                "groups", MonitoringDefinitions.alertRuleGroups(appNamespace))));
        return v;
    }

    private List<Map<String, Object>> scrapeConfigs() {
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("job_name", "ultibiker-api");
        api.put("kubernetes_sd_configs", List.of(Map.of("role", "pod", "namespaces", Map.of("names", List.of(appNamespace)))));
        api.put("relabel_configs", List.of(
                Map.of("source_labels", List.of("__meta_kubernetes_pod_annotation_prometheus_io_scrape"), "action", "keep", "regex", "true"),
                Map.of("source_labels", List.of("__meta_kubernetes_pod_annotation_prometheus_io_path"), "action", "replace",
                        "target_label", "__metrics_path__", "regex", "(.+)"),
                Map.of("source_labels", List.of("__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"), "action", "replace",
                        "regex", "([^:]+)(?::\\d+)?;(\\d+)", "replacement", "$1:$2", "target_label", "__address__"),
                Map.of("source_labels", List.of("__meta_kubernetes_namespace"), "target_label", "namespace"),
                Map.of("source_labels", List.of("__meta_kubernetes_pod_name"), "target_label", "pod")));
        api.put("metric_relabel_configs", List.of(Map.of("source_labels", List.of("__name__"),
                "regex", "go_.*|process_.*|nodejs_.*", "action", "drop")));
        List<Map<String, Object>> jobs = new java.util.ArrayList<>(List.of(api));
        influxdbUrl.ifPresent(url -> {
            var uri = java.net.URI.create(url);
            Map<String, Object> influx = new LinkedHashMap<>();
            influx.put("job_name", "influxdb");
            influx.put("scheme", uri.getScheme());
            influx.put("metrics_path", "/metrics");
            influx.put("static_configs", List.of(Map.of("targets", List.of(uri.getHost() + ":" + uri.getPort()))));
            jobs.add(influx);
        });
        return jobs;
    }

    /** Every alert, from our rules and the chart's, goes to the SNS topic; Watchdog is a heartbeat, not a page. */
    private Map<String, Object> alertmanagerConfig() {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("receiver", "sns");
        route.put("group_by", List.of("alertname", "namespace", "severity"));
        route.put("group_wait", "30s");
        route.put("group_interval", "5m");
        route.put("repeat_interval", "4h");
        route.put("routes", List.of(
                Map.of("receiver", "null", "matchers", List.of("alertname = \"Watchdog\"")),
                Map.of("receiver", "null", "matchers", List.of("alertname = \"InfoInhibitor\""))));
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("topic_arn", alertTopicArn);
        sns.put("sigv4", Map.of("region", alertRegion));
        sns.put("subject", "[" + environment + "] {{ .Status | toUpper }} {{ .CommonLabels.alertname }}");
        sns.put("send_resolved", true);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("resolve_timeout", "5m"));
        config.put("route", route);
        config.put("receivers", List.of(Map.of("name", "null"), Map.of("name", "sns", "sns_configs", List.of(sns))));
        config.put("inhibit_rules", List.of(Map.of(
                "source_matchers", List.of("severity = \"critical\""),
                "target_matchers", List.of("severity = \"warning\""),
                "equal", List.of("alertname", "namespace"))));
        return config;
    }

    private Map<String, Object> placed() {
        return new LinkedHashMap<>(placement.helmValues());
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(extra);
        return m;
    }

    private static Map<String, Object> resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        return Map.of("requests", Map.of("cpu", cpuRequest, "memory", memoryRequest),
                "limits", Map.of("cpu", cpuLimit, "memory", memoryLimit));
    }

    private static Map<String, Object> nonRoot(int user, int fsGroup) {
        return Map.of("runAsNonRoot", true, "runAsUser", user, "runAsGroup", fsGroup, "fsGroup", fsGroup,
                "seccompProfile", Map.of("type", "RuntimeDefault"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PrometheusStack} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private NodePlacement placement;
        private String storageClass;
        private Integer grafanaStorageGib;
        private Integer prometheusStorageGib;
        private Integer prometheusRetentionDays;
        private String grafanaAdminSecret;
        private String appNamespace;
        private Optional<String> influxdbUrl = Optional.empty();
        private String alertTopicArn;
        private String alertRegion;
        private String environment;

        private Builder() {
        }

        public Builder placement(NodePlacement value) { this.placement = value; return this; }
        public Builder storageClass(String value) { this.storageClass = value; return this; }
        public Builder grafanaStorageGib(int value) { this.grafanaStorageGib = value; return this; }
        public Builder prometheusStorageGib(int value) { this.prometheusStorageGib = value; return this; }
        public Builder prometheusRetentionDays(int value) { this.prometheusRetentionDays = value; return this; }
        public Builder grafanaAdminSecret(String value) { this.grafanaAdminSecret = value; return this; }
        public Builder appNamespace(String value) { this.appNamespace = value; return this; }
        public Builder influxdbUrl(Optional<String> value) { this.influxdbUrl = value; return this; }
        public Builder influxdbUrl(String value) { this.influxdbUrl = Optional.of(value); return this; }
        public Builder alertTopicArn(String value) { this.alertTopicArn = value; return this; }
        public Builder alertRegion(String value) { this.alertRegion = value; return this; }
        public Builder environment(String value) { this.environment = value; return this; }

        public PrometheusStack build() {
            return new PrometheusStack(
                    Required.of(placement, "PrometheusStack.placement"),
                    Required.of(storageClass, "PrometheusStack.storageClass"),
                    Required.of(grafanaStorageGib, "PrometheusStack.grafanaStorageGib"),
                    Required.of(prometheusStorageGib, "PrometheusStack.prometheusStorageGib"),
                    Required.of(prometheusRetentionDays, "PrometheusStack.prometheusRetentionDays"),
                    Required.of(grafanaAdminSecret, "PrometheusStack.grafanaAdminSecret"),
                    Required.of(appNamespace, "PrometheusStack.appNamespace"),
                    influxdbUrl,
                    Required.of(alertTopicArn, "PrometheusStack.alertTopicArn"),
                    Required.of(alertRegion, "PrometheusStack.alertRegion"),
                    Required.of(environment, "PrometheusStack.environment"));
        }
    }
}
