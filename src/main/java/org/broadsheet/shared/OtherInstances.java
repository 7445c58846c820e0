package org.broadsheet.shared;

import java.util.function.Consumer;

/**
 * The site's other instances, when it runs as several behind a load balancer: what happened on this instance
 * that the others must hear at once (pages and threads to drop from their caches, the section tree to read again,
 * a reader whose unread count changed, an account whose roles changed). Each message is a topic and a short
 * string; it reaches every other instance, not this one, which has done the work itself already. With one
 * instance there is no one to tell ({@link #NONE}); with several, Redis pub/sub carries the messages
 * ({@link RedisInstances}).
 *
 * <p>Messages are fire and forget: an instance that was not connected when one was sent never sees it. So each
 * listener also says what to do when messages may have been {@linkplain Listener#missed() missed} (its
 * connection broke and came back): a cache drops everything.
 */
public interface OtherInstances {

    /** One instance: nothing to tell, no one to hear from. */
    OtherInstances NONE = new OtherInstances() {
        @Override
        public void tell(String topic, String message) {
        }

        @Override
        public void listen(String topic, Listener listener) {
        }
    };

    /** Tells every other instance, at once; call it once the change is committed. */
    void tell(String topic, String message);

    /** Calls the listener with every message the other instances tell on this topic. */
    void listen(String topic, Listener listener);

    /** Hears one topic. Called on a thread of the messaging's own, so it does little and quickly. */
    interface Listener {

        void message(String message);

        /** Messages from the other instances may have been lost while the connection was down. */
        void missed();

        static Listener of(Consumer<String> message, Runnable missed) {
            return new Listener() {
                @Override
                public void message(String text) {
                    message.accept(text);
                }

                @Override
                public void missed() {
                    missed.run();
                }
            };
        }
    }
}
