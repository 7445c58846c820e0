package org.broadsheet.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.RememberedSignIns;
import org.broadsheet.account.SignInThrottle;
import org.broadsheet.account.SignInThrottledException;
import org.broadsheet.account.ThrottledAuthenticationProvider;
import org.broadsheet.shared.web.SecurityHeaders;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Access rules and security headers for the whole site, in one place. Readers' pages are public; the account
 * pages need a signed-in reader; each desk needs its staff role, and ADMIN holds every role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;
    /** The signed link in notification mails that stops a kind of mail, without signing in. */
    static final String UNSUBSCRIBE = "/notifications/unsubscribe";
    static final String SIGN_IN_USERNAME = "signInUsername";

    static final int REMEMBER_ME_SECONDS = 30 * 24 * 3600;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountUserDetailsService users,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            SessionRegistry sessionRegistry, FreshRoles freshRoles,
            @Value("${broadsheet.security.remember-me-key:}") String rememberMeKey,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) throws Exception {
        String key = rememberMeKey.isBlank() ? randomKey() : rememberMeKey;
        RememberedSignIns remembered = new RememberedSignIns(key, users, jdbc, transactions, clock);
        remembered.setParameter("remember-me");
        remembered.setTokenValiditySeconds(REMEMBER_ME_SECONDS);
        remembered.setUseSecureCookie(secureCookies);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/articles", "/admin/articles/**").hasRole("EDITOR")
                        .requestMatchers("/admin/authors", "/admin/authors/**", "/admin/sections",
                                "/admin/sections/**", "/admin/tags", "/admin/tags/**", "/admin/front-page",
                                "/admin/front-page/**").hasRole("EDITOR")
                        .requestMatchers("/admin/moderation", "/admin/moderation/**").hasRole("MODERATOR")
                        .requestMatchers("/admin/users", "/admin/users/**").hasRole("ADMIN")
                        .requestMatchers("/admin/audit", "/admin/audit/**").hasRole("ADMIN")
                        .requestMatchers("/admin", "/admin/**").hasAnyRole("EDITOR", "MODERATOR")
                        .requestMatchers(HttpMethod.POST, "/articles/*/comments").authenticated()
                        .requestMatchers("/comments/*/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/users/*/follow", "/users/*/unfollow", "/articles/*/follow",
                                "/articles/*/unfollow").authenticated()
                        .requestMatchers(UNSUBSCRIBE).permitAll()
                        .requestMatchers("/following", "/notifications", "/notifications/**").authenticated()
                        .requestMatchers("/account/verify").permitAll()
                        .requestMatchers("/account", "/account/**").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(continueOrSavedRequest())
                        .failureHandler(failure())
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(remembered).key(key))
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signed-out")
                        .deleteCookies("JSESSIONID", "SESSION", "remember-me"))
                // A mail client's one-click unsubscribe (RFC 8058) has no form token: the link's signature is its proof.
                .csrf(csrf -> csrf.ignoringRequestMatchers(UNSUBSCRIBE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        // Roles an administrator changed apply to open sessions before their next request is let through.
        http.addFilterBefore(freshRoles.filter(), AuthorizationFilter.class);
        http.addFilterAfter(replayedSignIns(), RememberMeAuthenticationFilter.class);
        return http.build();
    }

    /**
     * A request whose "keep me signed in" cookie was a copy used again goes to the sign-in page, which says the
     * reader was signed out everywhere for their safety.
     */
    private static OncePerRequestFilter replayedSignIns() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (RememberedSignIns.replayed(request)) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + "/login?replayed");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * An address Spring Security's firewall refuses ({@code ;}, encoded dots, a backslash) gets the site's 400
     * page with the site's headers: the firewall refuses it before the filter that writes them.
     */
    @Bean
    WebSecurityCustomizer refusedAddresses() {
        return web -> web.requestRejectedHandler((request, response, refused) -> {
            SecurityHeaders.all().forEach(header -> response.setHeader(header.getKey(), header.getValue()));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        });
    }

    /**
     * No observation (a timer, a span) of each security filter, of authentication or of authorization: about
     * twenty observations a signed-in request. Boot's observation of the HTTP request still times and counts every
     * request ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Marks the sessions of an account whose roles changed, and refreshes them (see the filter above). */
    @Bean
    FreshRoles freshRoles(SessionRegistry sessionRegistry, AccountUserDetailsService users,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sharedSessions) {
        return new FreshRoles(sessionRegistry, users, sharedSessions.getIfAvailable());
    }

    /** Tells the session registry when sessions end, so that it does not keep them. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The one authentication provider: Spring Security uses it for the whole application. */
    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(AccountUserDetailsService users,
            PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwordEncoder, throttle);
    }



    @Bean
    CookieSameSiteSupplier sameSiteLax() {
        // Every cookie, remember-me included, is SameSite=Lax.
        return CookieSameSiteSupplier.ofLax();
    }

    private static SavedRequestAwareAuthenticationSuccessHandler continueOrSavedRequest() {
        RequestCache requestCache = new HttpSessionRequestCache();
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                String next = ContinuePaths.safe(request.getParameter("continue"));
                if (next == null) {
                    super.onAuthenticationSuccess(request, response, authentication);
                    return;
                }
                // Where the reader asked to go wins over a page they were once sent away from.
                requestCache.removeRequest(request, response);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, next);
            }
        };
        handler.setRequestCache(requestCache);
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String name = request.getParameter("username");
            if (name != null && name.length() <= 254) {
                request.getSession().setAttribute(SIGN_IN_USERNAME, name);
            }
            String next = ContinuePaths.safe(request.getParameter("continue"));
            String target = exception instanceof SignInThrottledException ? "/login?throttled" : "/login?error";
            if (next != null) {
                target += "&continue=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
            }
            redirect(request, response, target);
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        response.sendRedirect(request.getContextPath() + target);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
