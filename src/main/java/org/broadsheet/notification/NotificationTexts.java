package org.broadsheet.notification;

import java.util.Locale;

import org.broadsheet.notification.NotificationService.NotificationView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The line that says what a notification is about, as the centre says it, for what is said outside a page: mails,
 * the live toast and browser notifications. It holds names and headlines as readers wrote them: plain text, to be
 * escaped wherever it is shown.
 */
@Component
public class NotificationTexts {

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String summary(NotificationView n) {
        String actor = n.actorName() == null ? message("notification.someone") : n.actorName();
        String headline = n.articleHeadline() == null ? message("notification.an-article") : n.articleHeadline();
        return message("notification." + n.key(), actor, headline, n.count());
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.UK);
    }
}
