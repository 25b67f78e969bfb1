package com.ultibiker.platform.model;

/**
 * The {@code uploads} section: the bucket of user content (see the README's config reference).
 *
 * @param noncurrentVersionExpirationDays days an overwritten or deleted version is kept before S3 deletes it; default 30
 * @param abortIncompleteMultipartDays    days after which S3 aborts an unfinished multipart upload (its parts are billed
 *                                        until then); default 7
 * @param replicate                       replicate to {@code regions.secondary}; default true when the stack has one
 */
public record UploadsConfig(int noncurrentVersionExpirationDays, int abortIncompleteMultipartDays, boolean replicate) {

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Integer noncurrentVersionExpirationDays;
        private Integer abortIncompleteMultipartDays;
        private Boolean replicate;

        private Builder() {
        }

        public Builder noncurrentVersionExpirationDays(int value) { this.noncurrentVersionExpirationDays = value; return this; }
        public Builder abortIncompleteMultipartDays(int value) { this.abortIncompleteMultipartDays = value; return this; }
        public Builder replicate(boolean value) { this.replicate = value; return this; }

        public UploadsConfig build() {
            return new UploadsConfig(
                    Required.of(noncurrentVersionExpirationDays, "UploadsConfig.noncurrentVersionExpirationDays"),
                    Required.of(abortIncompleteMultipartDays, "UploadsConfig.abortIncompleteMultipartDays"),
                    Required.of(replicate, "UploadsConfig.replicate"));
        }
    }
}
