package com.ultibiker.platform.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Secrets Manager's {@code GetRandomPassword} as its API reference describes it, made deterministic:
 * the alphabet is lowercase, uppercase, digits and the punctuation {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}
 * (and a space with IncludeSpace), minus the excluded classes and ExcludeCharacters; with
 * RequireEachIncludedType (the default) every remaining class appears at least once. Default length 32.
 * The values differ between draws so a rotation is visible, and include punctuation whenever allowed,
 * as AWS's would.
 */
final class AwsPasswordGenerator {

    private AwsPasswordGenerator() {
    }

    static String generate(Map<String, Object> args, int draw) {
        String excluded = String.valueOf(args.getOrDefault("excludeCharacters", ""));
        List<String> classes = new ArrayList<>();
        addClass(classes, "abcdefghijklmnopqrstuvwxyz", flag(args, "excludeLowercase"), excluded);
        addClass(classes, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", flag(args, "excludeUppercase"), excluded);
        addClass(classes, "0123456789", flag(args, "excludeNumbers"), excluded);
        addClass(classes, PasswordPolicy.AWS_PUNCTUATION, flag(args, "excludePunctuation"), excluded);
        addClass(classes, " ", !flag(args, "includeSpace"), excluded);
        int length = ((Number) args.getOrDefault("passwordLength", 32)).intValue();
        boolean requireEach = !Boolean.FALSE.equals(args.get("requireEachIncludedType"));
        String alphabet = String.join("", classes);
        StringBuilder value = new StringBuilder();
        if (requireEach) {
            classes.forEach(c -> value.append(c.charAt(draw % c.length())));
        }
        for (int i = 0; value.length() < length; i++) {
            value.append(alphabet.charAt((draw * 7 + i * 13) % alphabet.length()));
        }
        return value.substring(0, length);
    }

    private static boolean flag(Map<String, Object> args, String name) {
        return Boolean.TRUE.equals(args.get(name));
    }

    private static void addClass(List<String> classes, String chars, boolean excludedClass, String excludedChars) {
        if (excludedClass) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        chars.chars().filter(c -> excludedChars.indexOf(c) < 0).forEach(c -> kept.append((char) c));
        if (!kept.isEmpty()) {
            classes.add(kept.toString());
        }
    }
}
