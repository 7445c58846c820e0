package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    // Four bytes in UTF-8, two UTF-16 chars, one character for the reader.
    private static final String EMOJI = "\uD83D\uDE00";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shouldRefuseNineCharacters() {
        assertThat(policy.problem("violet-se")).contains("password.too-short");
    }

    @Test
    void shouldAcceptTenCharacters() {
        assertThat(policy.problem("violet-sea")).isEmpty();
    }

    @Test
    void shouldRefuseNoPassword() {
        assertThat(policy.problem(null)).contains("password.too-short");
        assertThat(policy.problem("")).contains("password.too-short");
    }

    @Test
    void shouldAcceptSixtyFourCharactersAndRefuseSixtyFive() {
        String sixtyFour = "harbour-lights-".repeat(5).substring(0, 64);
        assertThat(policy.problem(sixtyFour)).isEmpty();
        assertThat(policy.problem(sixtyFour + "x")).contains("password.too-long");
    }

    @Test
    void shouldRefuseWhatBcryptWouldCutEvenWhenShortInCharacters() {
        String emoji = EMOJI.repeat(25);
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(25);
        assertThat(emoji.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        assertThat(policy.problem(emoji)).contains("password.too-long");
        // 72 bytes exactly is still whole for bcrypt.
        assertThat(policy.problem(EMOJI.repeat(18))).isEmpty();
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        // Five emoji are five characters, although Java stores them as ten chars.
        assertThat(policy.problem(EMOJI.repeat(5))).contains("password.too-short");
        assertThat(policy.problem(EMOJI.repeat(10))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "qwertyuiop", "QWERTYUIOP", "QwErTyUiOp", "password123", "Password123", "PASSWORD123",
            "1234567890", "basketball" })
    void shouldRefuseCommonPasswordsWhateverTheirCase(String password) {
        assertThat(policy.problem(password)).contains("password.common");
    }

    @Test
    void shouldRefuseTheUsernameOrEmailAsPassword() {
        assertThat(policy.problem("ana-lindqvist", "ana-lindqvist", "ana@example.com")).contains("password.personal");
        assertThat(policy.problem("ANA-LINDQVIST", "ana-lindqvist", "ana@example.com")).contains("password.personal");
        assertThat(policy.problem("ana-lindqvist1", "ana-lindqvist", "ana@example.com")).contains("password.personal");
        assertThat(policy.problem("ana@example.com", "ana-lindqvist", "ana@example.com"))
                .contains("password.personal");
    }

    @Test
    void shouldAcceptAPasswordThatOnlyContainsAShortUsernameAmongOtherWords() {
        assertThat(policy.problem("ana walks the harbour wall", "ana", "ana@example.com")).isEmpty();
        assertThat(policy.problem("correct horse battery", null, "")).isEmpty();
    }
}
