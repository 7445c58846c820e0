package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

@DataJpaTest
@Import(SiteSettings.class)
class SiteSettingsTests {

    @Autowired
    SiteSettings settings;

    @Test
    void shouldShowCommentsOfUnverifiedAccountsByDefault() {
        assertThat(settings.holdUnverifiedComments()).isFalse();
    }

    @Test
    void shouldRememberTheModeratorsChoice() {
        settings.holdUnverifiedComments(true);
        assertThat(settings.holdUnverifiedComments()).isTrue();
        settings.holdUnverifiedComments(false);
        assertThat(settings.holdUnverifiedComments()).isFalse();
    }
}
