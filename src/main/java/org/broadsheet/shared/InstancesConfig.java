package org.broadsheet.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Whether the site runs as one instance or as several: several when Redis is configured (the {@code prod}
 * profile), whose pub/sub then carries what one instance tells the others.
 */
@Configuration(proxyBeanMethods = false)
class InstancesConfig {

    @Bean
    OtherInstances otherInstances(ObjectProvider<RedisConnectionFactory> redis,
            @Value("${broadsheet.instances.channel:broadsheet}") String channel) {
        RedisConnectionFactory connections = redis.getIfAvailable();
        return connections == null ? OtherInstances.NONE : new RedisInstances(connections, channel);
    }
}
