package org.broadsheet.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: long enough, not too long for the hash, and not one of the passwords
 * most often found in breaches (a list shipped with the project). No composition rules.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;
    // bcrypt reads at most 72 bytes: longer input would be silently cut.
    private static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    /**
     * @return the message key of the problem, or empty when the password is acceptable
     */
    public Optional<String> problem(String password, String... personal) {
        // Characters as a reader counts them: an emoji is one, although Java stores it as two chars.
        int characters = password == null ? 0 : password.codePointCount(0, password.length());
        if (characters < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (characters > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("password.common");
        }
        for (String value : personal) {
            if (value != null && !value.isBlank() && lower.contains(value.strip().toLowerCase(Locale.ROOT))
                    && value.strip().length() >= 3 && lower.length() - value.strip().length() < 4) {
                return Optional.of("password.personal");
            }
        }
        return Optional.empty();
    }

    private static Set<String> load(String path) {
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return Set.copyOf(words);
    }
}
