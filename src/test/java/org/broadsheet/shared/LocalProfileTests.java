package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code local} profile keeps the site in files under its data directory, on the embedded database: what is
 * written before a restart is there after it.
 */
class LocalProfileTests {

    @TempDir
    Path data;

    @Test
    void shouldKeepEverythingAcrossARestart() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getEnvironment().getProperty("broadsheet.media.dir")).as("uploads beside the database")
                    .isEqualTo(data + "/media");
            first.getBean(AccountService.class).createVerified("keeper", "Kept Reader", "keeper@example.com",
                    "an-account-that-survives", EnumSet.of(Role.READER));
        }
        assertThat(data.resolve("db/broadsheet.mv.db")).as("the database file").exists();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(AccountService.class).idOf("keeper")).isPresent();
            assertThat(second.getBean(AccountService.class).publicProfile("keeper")).hasValueSatisfying(
                    profile -> assertThat(profile.displayName()).isEqualTo("Kept Reader"));
        }
    }

    /**
     * The site as {@code java -jar} starts it, reading only the application's own settings: the tests' own
     * (src/test/resources/config) would put the database in memory.
     */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BroadsheetApplication.class).profiles("local")
                .run("--spring.config.location=classpath:/", "--broadsheet.data-dir=" + data, "--server.port=0",
                        "--management.server.port=0",
                        "--broadsheet.scheduler.enabled=false");
    }
}
