package org.broadsheet.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every statement the site's request threads send to the database, with its parameters (datasource-proxy
 * around the pool), so that a test can run each one again under {@code EXPLAIN}.
 */
final class StatementLog {

    /** A statement as sent: its SQL and the calls that set its parameters (the first set of a batch). */
    record Recorded(String sql, List<ParameterSetOperation> parameters) {
    }

    private static final List<Recorded> RECORDED = new ArrayList<>();
    private static volatile boolean recording;

    private StatementLog() {
    }

    /** What {@code request} made the request threads send. */
    static synchronized <T> List<Recorded> during(Supplier<T> request) {
        synchronized (RECORDED) {
            RECORDED.clear();
        }
        recording = true;
        try {
            request.get();
        }
        finally {
            recording = false;
        }
        synchronized (RECORDED) {
            return List.copyOf(RECORDED);
        }
    }

    private static void record(List<QueryInfo> queries) {
        // Tomcat's request threads only: the scheduler and listeners after a commit are not the page's work.
        if (!recording || !Thread.currentThread().getName().startsWith("http-nio")) {
            return;
        }
        synchronized (RECORDED) {
            for (QueryInfo query : queries) {
                List<List<ParameterSetOperation>> sets = query.getParametersList();
                RECORDED.add(new Recorded(query.getQuery(), sets.isEmpty() ? List.of() : new ArrayList<>(sets.get(0))));
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        static BeanPostProcessor statementLogDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("statement-log")
                                .afterQuery((execution, queries) -> record(queries)).build();
                    }
                    return bean;
                }
            };
        }
    }
}
