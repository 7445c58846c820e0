package org.broadsheet.media;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chooses where media are kept: in the database unless {@code broadsheet.media.dir} names a directory (as the
 * {@code prod} profile does), which is created when the first file is written.
 */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfig {

    private static final Logger log = LoggerFactory.getLogger(MediaStorageConfig.class);

    @Bean
    MediaStore mediaStore(@Value("${broadsheet.media.dir:}") String directory, JdbcTemplate jdbc) {
        if (directory.isBlank()) {
            log.info("Media are kept in the database");
            return new DatabaseMediaStore(jdbc);
        }
        DirectoryMediaStore store = new DirectoryMediaStore(Path.of(directory));
        log.info("Media are kept in {}", store.root());
        return store;
    }
}
