package com.ultibiker.platform.common;

import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;

import java.util.regex.Pattern;

/**
 * What Secrets Manager's generator ({@code GetRandomPassword}) is asked for, as a pure value: the
 * length and whether punctuation is in the alphabet. Letters and digits are always in it, and every
 * included class appears at least once ({@code RequireEachIncludedType}).
 *
 * <p>Punctuation, when included, is only {@link #PUNCTUATION}: AWS's generator draws from
 * {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}; every other character is excluded so the value is safe in
 * URLs, environment variables, shell commands and JSON, and meets RDS's rule (no {@code / @ "} or space).
 *
 * @param length      number of characters
 * @param punctuation whether {@link #PUNCTUATION} is in the alphabet
 */
public record PasswordPolicy(int length, boolean punctuation) {

    /** The punctuation AWS's generator emits (GetRandomPassword, ExcludePunctuation). */
    public static final String AWS_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** The punctuation we keep. */
    public static final String PUNCTUATION = "-._";

    public PasswordPolicy {
        // GetRandomPassword: PasswordLength 1-4096.
        if (length < 1 || length > 4096) {
            throw new IllegalArgumentException("password length " + length + ": expected 1-4096 (GetRandomPassword)");
        }
    }

    /** Letters and digits only (e.g. Timestream for InfluxDB: {@code ^[a-zA-Z0-9]+$}). */
    public static PasswordPolicy alphanumeric(int length) {
        return new PasswordPolicy(length, false);
    }

    /** Letters, digits and {@code - . _}. */
    public static PasswordPolicy withPunctuation(int length) {
        return new PasswordPolicy(length, true);
    }

    /** The characters of AWS's punctuation this policy excludes. */
    public String excludedCharacters() {
        StringBuilder excluded = new StringBuilder();
        for (char c : AWS_PUNCTUATION.toCharArray()) {
            if (PUNCTUATION.indexOf(c) < 0) {
                excluded.append(c);
            }
        }
        return excluded.toString();
    }

    /** A pattern every value this policy can produce matches. */
    public Pattern pattern() {
        return Pattern.compile((punctuation ? "[A-Za-z0-9._-]" : "[A-Za-z0-9]") + "{" + length + "}");
    }

    /** The generator request. */
    public GetRandomPasswordArgs request() {
        var args = GetRandomPasswordArgs.builder()
                .passwordLength(length)
                .includeSpace(false)
                .requireEachIncludedType(true);
        if (punctuation) {
            args.excludeCharacters(excludedCharacters());
        } else {
            args.excludePunctuation(true);
        }
        return args.build();
    }
}
