package org.broadsheet.support;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link PostgresTest} class when PostgreSQL does not answer, or fails it when {@code CI=true}.
 * Evaluated before the Spring context is created, so a missing database costs one short connection attempt
 * (cached for the whole JVM), not a context start-up failure per class.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = PostgresTestDatabase.unavailableReason();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers on " + PostgresTestDatabase.describe());
        }
        if (CiMode.isCi()) {
            // An exception from a condition fails the test class instead of skipping it.
            throw new IllegalStateException("PostgreSQL is not reachable on " + PostgresTestDatabase.describe()
                    + " and CI=true: failing instead of skipping the PostgreSQL tests. Cause: " + problem.get());
        }
        return ConditionEvaluationResult.disabled(PostgresTestDatabase.skipMessage());
    }
}
