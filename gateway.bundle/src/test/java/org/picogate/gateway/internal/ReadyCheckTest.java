package org.picogate.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

class ReadyCheckTest {

    @Test
    void activeBundleIsUp() {
        assertThat(ReadyCheck.bundleUp(Bundle.ACTIVE, false, false)).isTrue();
    }

    @Test
    void resolvedBundleIsNotUpButResolvedFragmentIs() {
        assertThat(ReadyCheck.bundleUp(Bundle.RESOLVED, false, false)).isFalse();
        assertThat(ReadyCheck.bundleUp(Bundle.RESOLVED, true, false)).isTrue();
    }

    @Test
    void installedOrStoppingBundlesAreNotUp() {
        assertThat(ReadyCheck.bundleUp(Bundle.INSTALLED, false, false)).isFalse();
        assertThat(ReadyCheck.bundleUp(Bundle.INSTALLED, true, false)).isFalse();
        assertThat(ReadyCheck.bundleUp(Bundle.STOPPING, false, false)).isFalse();
    }

    @Test
    void startingBundleIsUpOnlyWhenLazy() {
        assertThat(ReadyCheck.bundleUp(Bundle.STARTING, false, false)).isFalse();
        assertThat(ReadyCheck.bundleUp(Bundle.STARTING, false, true)).isTrue();
    }

    @Test
    void activeAndSatisfiedComponentsAreUp() {
        assertThat(ReadyCheck.componentUp(ComponentConfigurationDTO.ACTIVE)).isTrue();
        assertThat(ReadyCheck.componentUp(ComponentConfigurationDTO.SATISFIED)).isTrue();
    }

    @Test
    void unsatisfiedOrFailedComponentsAreNotUp() {
        assertThat(ReadyCheck.componentUp(ComponentConfigurationDTO.UNSATISFIED_REFERENCE)).isFalse();
        assertThat(ReadyCheck.componentUp(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)).isFalse();
        assertThat(ReadyCheck.componentUp(ComponentConfigurationDTO.FAILED_ACTIVATION)).isFalse();
    }

    @Test
    void looksOftenWhileStartingThenRarely() {
        assertThat(ReadyCheck.recheckAfter(Duration.ZERO)).isEqualTo(Duration.ofMillis(20));
        assertThat(ReadyCheck.recheckAfter(Duration.ofMillis(9_999))).isEqualTo(Duration.ofMillis(20));
        assertThat(ReadyCheck.recheckAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readyLineDropsTheQualifier() {
        assertThat(ReadyCheck.readyLine(Version.parseVersion("0.1.0.SNAPSHOT"), "25.0.1", 14, 812))
                .isEqualTo("Picogate 0.1.0 ready: JDK 25.0.1, 14 bundles active, 812 ms from launch");
    }
}
