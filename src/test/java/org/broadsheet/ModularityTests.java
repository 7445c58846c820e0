package org.broadsheet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules (top-level packages) depend on each other one way only and use each other's public API,
 * never their internals.
 */
class ModularityTests {

    @Test
    void shouldKeepModuleDependenciesOneWayAndThroughPublicApi() {
        ApplicationModules.of(BroadsheetApplication.class).verify();
    }
}
