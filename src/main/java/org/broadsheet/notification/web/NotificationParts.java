package org.broadsheet.notification.web;

import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountUser;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.notification.push.PushService;
import org.broadsheet.pages.PagePart;
import org.broadsheet.pages.PageReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The header's link to the notification centre with the unread count ({@code bs:unread}, on every page, cached
 * ones too): one indexed count per signed-in page, nothing for anonymous readers. And the banner that offers
 * browser notifications ({@code bs:push-banner}): in every signed-in reader's page while push is on, hidden, for
 * {@code push.js} to show to those whose browser can and who have not answered.
 */
@Configuration(proxyBeanMethods = false)
class NotificationParts {

    @Bean
    PagePart<Object, Void> pushBanner(PushService push) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "push-banner";
            }

            @Override
            public String fragment() {
                return "notification/parts :: push-banner";
            }

            @Override
            public Void prepare(PageReader reader, List<Object> places) {
                return null;
            }

            @Override
            public Object variant(Object args, Void state, PageReader reader) {
                return shown(reader);
            }

            @Override
            public Map<String, Object> model(Object args, Void state, PageReader reader) {
                return shown(reader) ? Map.of("shown", true, "publicKey", push.publicKey()) : Map.of("shown", false);
            }

            private boolean shown(PageReader reader) {
                return push.enabled() && reader.principal() instanceof AccountUser;
            }
        };
    }

    @Bean
    PagePart<Object, Long> unread(NotificationService notifications) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "unread";
            }

            @Override
            public String fragment() {
                return "notification/parts :: unread";
            }

            @Override
            public Long prepare(PageReader reader, List<Object> places) {
                return reader.principal() instanceof AccountUser user ? notifications.unreadCount(user.id()) : null;
            }

            @Override
            public Object variant(Object args, Long unread, PageReader reader) {
                return unread == null ? "anonymous" : unread;
            }

            @Override
            public Map<String, Object> model(Object args, Long unread, PageReader reader) {
                return unread == null ? Map.of("signedIn", false) : Map.of("signedIn", true, "unread", unread);
            }
        };
    }
}
