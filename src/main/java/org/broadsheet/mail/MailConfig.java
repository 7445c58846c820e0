package org.broadsheet.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses how mail leaves the application: SMTP when Spring Boot has configured a mail sender
 * ({@code spring.mail.host}), the developer mailbox otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> sender, Clock clock,
            @Value("${broadsheet.mail.from:Broadsheet <no-reply@broadsheet.invalid>}") String from) {
        JavaMailSender smtp = sender.getIfAvailable();
        return smtp != null ? new SmtpMailer(smtp, from) : new DevMailbox(clock);
    }
}
