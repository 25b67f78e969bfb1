package com.ultibiker.platform.model;

/**
 * Which CloudFront edge locations serve the assets distribution (CloudFront API reference,
 * DistributionConfig.PriceClass: {@code PriceClass_100 | PriceClass_200 | PriceClass_All}). A change is an
 * in-place UpdateDistribution (terraform-provider-aws {@code internal/service/cloudfront/distribution.go}:
 * {@code price_class} is not ForceNew).
 */
public enum PriceClass implements ConfigEnum {
    /** North America, Europe and Israel: the platform's two regions' users, the cheapest class. */
    CLASS_100("PriceClass_100"),
    /** Class 100 plus most of Asia, the Middle East and Africa. */
    CLASS_200("PriceClass_200"),
    /** Every edge location. */
    ALL("PriceClass_All");

    private final String configName;

    PriceClass(String configName) {
        this.configName = configName;
    }

    /** The value CloudFront takes, the same as the config value. */
    @Override
    public String configName() {
        return configName;
    }
}
