package org.broadsheet.generator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much {@code --spring.profiles.active=prod,generate} makes ({@code broadsheet.generate.*}).
 *
 * @param articles articles, one every few hours back over the years (four in five in the News desk's sections)
 * @param comments comments and replies in all, the busiest article's included
 * @param accounts reader accounts, all with the password {@value DataGenerator#PASSWORD}
 * @param busiest comments on the busiest article, the newest one (slug {@value DataGenerator#BUSIEST_SLUG})
 * @param seed seed of the one random that plans everything: the same sizes and seed make the same data
 */
@ConfigurationProperties("broadsheet.generate")
public record GeneratorProperties(
        @DefaultValue("100000") int articles,
        @DefaultValue("1000000") int comments,
        @DefaultValue("50000") int accounts,
        @DefaultValue("500") int busiest,
        @DefaultValue("20261202") long seed) {

    public GeneratorProperties {
        if (articles < 1 || accounts < 2 || comments < 0 || busiest < 0 || busiest > comments) {
            throw new IllegalArgumentException("broadsheet.generate: need articles >= 1, accounts >= 2 and "
                    + "0 <= busiest <= comments (articles=" + articles + ", accounts=" + accounts + ", comments="
                    + comments + ", busiest=" + busiest + ")");
        }
    }
}
