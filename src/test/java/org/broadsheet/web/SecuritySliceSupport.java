package org.broadsheet.web;

import static org.mockito.Mockito.mock;

import javax.sql.DataSource;

import org.broadsheet.account.AccountSecurityConfig;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.SignInThrottle;
import org.broadsheet.shared.OtherInstances;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The site's real security rules and headers for a {@code @WebMvcTest} slice, with the account beans they
 * need replaced by mocks (slices that test sign-in itself provide real ones).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfig.class, AccountSecurityConfig.class })
public class SecuritySliceSupport {

    /** One instance: slices have no others to tell of changed roles. */
    @Bean
    OtherInstances otherInstances() {
        return OtherInstances.NONE;
    }

    @Bean
    AccountUserDetailsService accountUserDetailsService() {
        return mock(AccountUserDetailsService.class);
    }

    @Bean
    SignInThrottle signInThrottle() {
        return mock(SignInThrottle.class);
    }

    @Bean
    DataSource dataSource() {
        return mock(DataSource.class);
    }

    /** For "keep me signed in", which slices do not use: nothing reaches a database. */
    @Bean
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    }

    @Bean
    org.springframework.transaction.PlatformTransactionManager transactionManager() {
        return mock(org.springframework.transaction.PlatformTransactionManager.class);
    }
}
