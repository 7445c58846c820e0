package org.broadsheet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (top-level packages) depend on each other one way only, on the modules each declares in its
 * {@code package-info.java} ({@code allowedDependencies}), and through their public API, never their internals.
 * The diagrams in {@code docs/modules} are written from the same model by every run.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BroadsheetApplication.class);

    @Test
    void shouldKeepModuleDependenciesOneWayDeclaredAndThroughPublicApi() {
        modules.verify();
    }

    @Test
    void shouldWriteTheModuleDiagramsIntoTheDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
