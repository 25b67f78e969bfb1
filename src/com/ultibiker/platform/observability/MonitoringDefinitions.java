package com.ultibiker.platform.observability;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus alert rules and the Grafana dashboard, kept as files under {@code resources/observability/}
 * so they are reviewed as documents, not as Java strings.
 */
public final class MonitoringDefinitions {

    public static final String ALERT_RULES = "/observability/alert-rules.yaml";
    public static final String API_DASHBOARD = "/observability/api-dashboard.json";
    /** Placeholder in the rules for the application namespace. */
    static final String APP_NAMESPACE = "${APP_NAMESPACE}";

    private MonitoringDefinitions() {
    }

    public static String text(String resource) {
        try (InputStream in = MonitoringDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " (resources/ is the pom's resource directory)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule groups ({@code groups:} of a PrometheusRule spec) for an application namespace. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alertRuleGroups(String appNamespace) {
        String text = text(ALERT_RULES).replace(APP_NAMESPACE, appNamespace);
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return (List<Map<String, Object>>) doc.get("groups");
    }

    /** Alert names in rule order. */
    @SuppressWarnings("unchecked")
    public static List<String> alertNames(String appNamespace) {
        return alertRuleGroups(appNamespace).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> String.valueOf(r.get("alert"))).toList();
    }

    public static String apiDashboardJson() {
        return text(API_DASHBOARD);
    }
}
