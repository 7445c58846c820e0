package org.broadsheet.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.broadsheet.shared.OtherInstances;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The {@link OtherInstances} of one application context, as its listeners see them: a test delivers what another
 * instance would tell ({@link #deliver}), or says messages were missed, and reads what this one told. It checks
 * what each part of the site does with a message; that messages cross between real instances is
 * {@code TwoInstancesTests}' work. Import {@link Config} (it is {@code @Primary}).
 */
public class InstancesHeard implements OtherInstances {

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void tell(String topic, String message) {
        told.add(topic + ":" + message);
    }

    @Override
    public void listen(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** What another instance tells on this topic reaches this one's listeners. */
    public void deliver(String topic, String message) {
        listeners.getOrDefault(topic, List.of()).forEach(listener -> listener.message(message));
    }

    /** The connection to the other instances broke and came back. */
    public void missed() {
        listeners.values().forEach(list -> list.forEach(Listener::missed));
    }

    /** Every message this instance told, as {@code topic:message}. */
    public List<String> told() {
        return List.copyOf(told);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        InstancesHeard instancesHeard() {
            return new InstancesHeard();
        }
    }
}
