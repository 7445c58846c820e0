package org.broadsheet.generator;

import java.time.Clock;

import javax.sql.DataSource;

import org.broadsheet.article.MarkdownRenderer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code java -jar broadsheet.jar --spring.profiles.active=prod,generate}: generates the data once Flyway has
 * migrated the database, prints what it made and how long it took, and exits (the {@code generate} profile
 * starts no web server). Exits with 1 when generating fails.
 */
@Component
@Profile("generate")
class GenerateCommand implements ApplicationRunner {

    private final DataGenerator generator;
    private final GeneratorProperties sizes;
    private final ConfigurableApplicationContext context;

    GenerateCommand(DataSource dataSource, PasswordEncoder passwords, MarkdownRenderer renderer, Clock clock,
            GeneratorProperties sizes, ConfigurableApplicationContext context) {
        this.generator = new DataGenerator(dataSource, passwords, renderer, clock);
        this.sizes = sizes;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        System.out.printf("Generating %,d articles, %,d comments (%,d on the busiest article) and %,d accounts%n",
                sizes.articles(), sizes.comments(), sizes.busiest(), sizes.accounts());
        System.out.println(generator.generate(sizes).describe());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
