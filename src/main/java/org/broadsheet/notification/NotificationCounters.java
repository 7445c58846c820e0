package org.broadsheet.notification;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.broadsheet.shared.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * Counts the notifications sent ({@value #SENT}, tagged {@code channel=site}, {@code mail} or {@code push}): one
 * placed in a reader's centre (new, or joining its group), a mail handed to the mail server (a digest is one), a
 * message a push service accepted. Counted once the transaction that records it commits.
 */
@Component
public class NotificationCounters {

    static final String SENT = "broadsheet.notifications.sent";

    /** Where a notification went. */
    public enum Channel {
        SITE, MAIL, PUSH
    }

    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);

    NotificationCounters(MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            sent.put(channel, Counter.builder(SENT).description("Notifications sent, by channel")
                    .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    public void sent(Channel channel) {
        Counter counter = sent.get(channel);
        AfterCommit.run(counter::increment);
    }
}
