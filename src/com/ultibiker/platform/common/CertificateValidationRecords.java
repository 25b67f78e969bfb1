package com.ultibiker.platform.common;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * The one way the program writes an ACM DNS-validation record: the CNAME ACM returns for one hostname of a
 * certificate, in the given zone. {@code allowOverwrite}: ACM's validation CNAME depends on the account and the
 * name only, so certificates for the same name (one per region) write the same record and each validates on its own.
 */
public final class CertificateValidationRecords {

    private CertificateValidationRecords() {
    }

    /** The record's arguments for {@code hostname} of {@code cert} (registered as {@code certName}). */
    public static RecordArgs forHostname(Certificate cert, String certName, String hostname, Output<String> zoneId, int ttl) {
        String certResource = "ACM certificate " + certName;
        Output<CertificateDomainValidationOption> option = cert.domainValidationOptions().applyValue(options ->
                options.stream().filter(o -> o.domainName().equals(Optional.of(hostname))).findFirst()
                        .orElseThrow(() -> new IllegalStateException(certResource + ": ACM returned no validation record for " + hostname)));
        return RecordArgs.builder()
                .zoneId(zoneId)
                .name(option.applyValue(o -> ProviderAttributes.present(o.resourceRecordName(), certResource,
                        "domainValidationOptions[" + hostname + "].resourceRecordName")))
                .type(option.applyValue(o -> Either.<String, RecordType>ofLeft(ProviderAttributes.present(o.resourceRecordType(),
                        certResource, "domainValidationOptions[" + hostname + "].resourceRecordType"))))
                .records(option.applyValue(o -> List.of(ProviderAttributes.present(o.resourceRecordValue(), certResource,
                        "domainValidationOptions[" + hostname + "].resourceRecordValue"))))
                .ttl(ttl)
                .allowOverwrite(true)
                .build();
    }
}
