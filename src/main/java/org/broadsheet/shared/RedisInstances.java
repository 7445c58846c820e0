package org.broadsheet.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * {@link OtherInstances} over one Redis pub/sub channel: every message is {@code sender, topic, text} separated by
 * tabs, and an instance skips its own. Each time the subscription is (re)established, after a start or a lost
 * connection, every listener hears {@link Listener#missed()}.
 */
final class RedisInstances implements OtherInstances, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisInstances.class);

    private final String self = UUID.randomUUID().toString();
    private final String channel;
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer container;
    private final ThreadPoolTaskExecutor executor;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    RedisInstances(RedisConnectionFactory connections, String channel) {
        this.channel = channel;
        this.redis = new StringRedisTemplate(connections);
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // One thread of its own, not one per message (the container's default): messages are handled in order,
        // and a listener that asks Redis something (the sessions of an account) never waits on the thread that
        // reads the subscription.
        ThreadPoolTaskExecutor listeners = new ThreadPoolTaskExecutor();
        listeners.setCorePoolSize(1);
        listeners.setMaxPoolSize(1);
        listeners.setThreadNamePrefix("other-instances-");
        listeners.setDaemon(true);
        listeners.initialize();
        this.executor = listeners;
        container.setTaskExecutor(listeners);
        container.addMessageListener(new Receiver(), new ChannelTopic(channel));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public void tell(String topic, String message) {
        try {
            redis.convertAndSend(channel, self + '\t' + topic + '\t' + message);
        } catch (RuntimeException e) {
            // The others drop their caches when they connect again (Listener.missed); this change is done here.
            log.warn("Could not tell the other instances about {} {}", topic, message, e);
        }
    }

    @Override
    public void listen(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public void destroy() throws Exception {
        container.destroy();
        executor.shutdown();
    }

    private final class Receiver implements MessageListener, SubscriptionListener {

        @Override
        public void onMessage(Message message, byte[] pattern) {
            String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\t", 3);
            if (parts.length < 3 || parts[0].equals(self)) {
                return;
            }
            for (Listener listener : listeners.getOrDefault(parts[1], List.of())) {
                try {
                    listener.message(parts[2]);
                } catch (RuntimeException e) {
                    log.warn("A message from another instance failed here: {} {}", parts[1], parts[2], e);
                }
            }
        }

        @Override
        public void onChannelSubscribed(byte[] subscribed, long count) {
            listeners.values().forEach(list -> list.forEach(Listener::missed));
        }
    }
}
