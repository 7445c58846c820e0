package org.broadsheet.shared;

import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/** Caches of the site's own shape (a size, a weight, a lifetime) in Spring's Caffeine cache manager. */
public final class CaffeineCaches {

    private CaffeineCaches() {
    }

    /**
     * Registers {@code cache} as {@code name}: built with its own key and value types, which the manager, taking
     * caches of objects, cannot name.
     */
    @SuppressWarnings("unchecked")
    public static CacheManagerCustomizer<CaffeineCacheManager> register(String name, Cache<?, ?> cache) {
        return manager -> manager.registerCustomCache(name, (Cache<Object, Object>) cache);
    }
}
