package org.broadsheet.notification.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.broadsheet.notification.NotificationEvents.UnreadChanged;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.notification.NotificationService.NotificationView;
import org.broadsheet.notification.NotificationTexts;
import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.OtherInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of signed-in readers ({@code /notifications/stream}), and what goes down them: the unread
 * count and the newest notification whenever a reader's count changes (after the commit that changed it), and a
 * heartbeat that keeps idle connections open through proxies. Each stream is an async request (Spring MVC's
 * {@link SseEmitter}): an idle one holds a socket, not a thread. A reader has at most
 * {@code broadsheet.notifications.streams-per-reader} (a tab each); one more ends the oldest.
 */
@Component
class NotificationStreams {

    static final String TOPIC = "unread-changed";
    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    /** A stream ends after this long; the browser's EventSource opens a new one by itself. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

    private final NotificationService notifications;
    private final NotificationTexts texts;
    private final OtherInstances others;
    private final int perReader;
    private final Map<Long, Deque<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Two threads write to the streams: one stalled client holds up one of them, not every reader's updates. */
    private final ExecutorService sender = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "notification-streams");
        thread.setDaemon(true);
        return thread;
    });

    NotificationStreams(NotificationService notifications, NotificationTexts texts, OtherInstances others,
            @Value("${broadsheet.notifications.streams-per-reader:3}") int perReader) {
        this.notifications = notifications;
        this.texts = texts;
        this.others = others;
        this.perReader = perReader;
        // A reader whose count changed on another instance may have a stream open here.
        others.listen(TOPIC, OtherInstances.Listener.of(message -> pushIfOpen(Long.parseLong(message)), () -> {
        }));
    }

    /** Opens a stream for the reader, and sends their count at once. */
    SseEmitter open(long readerId) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        SseEmitter[] evicted = new SseEmitter[1];
        // Added and removed inside the map's own compute, so that a stream never lands in a list just dropped.
        streams.compute(readerId, (id, mine) -> {
            Deque<SseEmitter> list = mine == null ? new ArrayDeque<>() : mine;
            list.addLast(emitter);
            if (list.size() > perReader) {
                evicted[0] = list.pollFirst();
            }
            return list;
        });
        SseEmitter oldest = evicted[0];
        open.incrementAndGet();
        Runnable forget = () -> forget(readerId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        if (oldest != null) {
            open.decrementAndGet(); // out of the reader's list already: its completion finds nothing to forget
            oldest.complete();
        }
        send(readerId, emitter, notifications.unreadCount(readerId), null);
        return emitter;
    }

    /** How many streams are open, for the tests and the metrics. */
    int openStreams() {
        return open.get();
    }

    /**
     * A reader's count changed: once the change is committed, their open streams hear the new count and the
     * newest notification, from the streams' own thread (it reads with a connection of its own, and a slow
     * connection delays no listener and no request); so do those open on the other instances.
     */
    @EventListener
    void on(UnreadChanged event) {
        AfterCommit.run(() -> {
            pushIfOpen(event.recipientId());
            others.tell(TOPIC, Long.toString(event.recipientId()));
        });
    }

    private void pushIfOpen(long readerId) {
        if (streams.containsKey(readerId)) {
            sender.execute(() -> push(readerId));
        }
    }

    private void push(long readerId) {
        List<SseEmitter> mine = snapshot(readerId);
        if (mine.isEmpty()) {
            return;
        }
        try {
            long unread = notifications.unreadCount(readerId);
            NotificationView newest = unread == 0 ? null : notifications.newestUnread(readerId).orElse(null);
            for (SseEmitter emitter : mine) {
                send(readerId, emitter, unread, newest);
            }
        } catch (RuntimeException e) {
            // The next change or the next page brings the count; a live update is a courtesy.
            log.warn("Could not update the live count of reader {}", readerId, e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /** Keeps idle streams open through proxies; written from the streams' threads, not the shared scheduler's. */
    @Scheduled(fixedDelayString = "${broadsheet.notifications.heartbeat:25s}")
    void heartbeat() {
        for (Long reader : List.copyOf(streams.keySet())) {
            sender.execute(() -> {
                for (SseEmitter emitter : snapshot(reader)) {
                    try {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    } catch (IOException | IllegalStateException e) {
                        forget(reader, emitter);
                    }
                }
            });
        }
    }

    private void send(long readerId, SseEmitter emitter, long unread, NotificationView newest) {
        try {
            emitter.send(SseEmitter.event().name("unread").data(Map.of("count", unread, "label",
                    label(unread)), MediaType.APPLICATION_JSON));
            if (newest != null) {
                emitter.send(SseEmitter.event().name("notification").id(String.valueOf(newest.id()))
                        .data(Map.of("id", newest.id(), "text", texts.summary(newest), "url", newest.openUrl()),
                                MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            // The reader closed the tab: forget the stream.
            log.debug("Stream of reader {} closed", readerId, e);
            forget(readerId, emitter);
        }
    }

    private String label(long unread) {
        return unread == 0 ? texts.message("notifications.link") : texts.message("notifications.link.unread", unread);
    }

    private void forget(long readerId, SseEmitter emitter) {
        boolean[] removed = new boolean[1];
        streams.computeIfPresent(readerId, (id, mine) -> {
            removed[0] = mine.remove(emitter);
            return mine.isEmpty() ? null : mine;
        });
        if (removed[0]) {
            open.decrementAndGet();
        }
    }

    /** The reader's streams as they are now (read inside the map's compute, as they are changed). */
    private List<SseEmitter> snapshot(long readerId) {
        List<SseEmitter> copy = new java.util.ArrayList<>();
        streams.computeIfPresent(readerId, (id, mine) -> {
            copy.addAll(mine);
            return mine;
        });
        return copy;
    }
}
