package com.ultibiker.platform.common;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generator is asked for, and the pure helpers of {@link GeneratedSecret}. */
class PasswordPolicyTest {

    @Test
    void alphanumericMeansLettersAndDigitsOnly() {
        // The request itself reaches the (AWS-like) generator in GeneratedCredentialsTest; here, the generator's rules.
        assertTrue(PasswordPolicy.alphanumeric(32).pattern().matcher("abcdefghijABCDEFGHIJ0123456789xy").matches());
        String value = AwsPasswordGenerator.generate(Map.of("passwordLength", 32, "excludePunctuation", true), 3);
        assertTrue(value.matches("[A-Za-z0-9]{32}"), value);
    }

    @Test
    void withPunctuationKeepsOnlyDashDotAndUnderscore() {
        var policy = PasswordPolicy.withPunctuation(40);
        assertEquals("!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~", policy.excludedCharacters());
        String value = AwsPasswordGenerator.generate(Map.of("passwordLength", 40, "excludeCharacters", policy.excludedCharacters()), 5);
        assertTrue(policy.pattern().matcher(value).matches(), value);
        assertTrue(value.chars().anyMatch(c -> "-._".indexOf(c) >= 0), "AWS puts one of each included class in: " + value);
    }

    @Test
    void lengthOutsideWhatTheGeneratorTakesIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.alphanumeric(0));
        assertEquals("password length 0: expected 1-4096 (GetRandomPassword)", e.getMessage());
    }

    @Test
    void aReplicaArnIsThePrimarysWithItsRegion() {
        assertEquals("arn:aws:secretsmanager:eu-west-1:123456789012:secret:ultibiker/prod/postgres/master-user-a1B2c3",
                GeneratedSecret.inRegion("arn:aws:secretsmanager:us-east-1:123456789012:secret:ultibiker/prod/postgres/master-user-a1B2c3",
                        "eu-west-1"));
    }

    @Test
    void theCredentialIsStoredInTheFormRdsUsesAndReadBack() {
        String json = GeneratedSecret.credentialJson("platform_admin", "aB3-x.y_z");
        assertEquals("{\"username\":\"platform_admin\",\"password\":\"aB3-x.y_z\"}", json);
        assertEquals("aB3-x.y_z", GeneratedSecret.passwordOf(json));
        assertThrows(IllegalStateException.class, () -> GeneratedSecret.passwordOf("{\"username\":\"x\"}"));
    }
}
