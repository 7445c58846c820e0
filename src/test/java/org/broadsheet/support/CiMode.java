package org.broadsheet.support;

/**
 * Whether the tests run on the build server. Locally, tests that need something from the machine
 * (PostgreSQL, Chromium) are skipped when it is missing; with {@code CI=true} (set by {@code .ci/run})
 * a missing piece is a failure, so that a misconfigured build machine cannot pass by skipping.
 */
public final class CiMode {

    private CiMode() {
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
