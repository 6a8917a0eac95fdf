/**
 * The JUnit 5 kit: {@link org.camunda4j.testing.CamundaTest @CamundaTest} starts an in-process
 * engine per test, injects clients, controls the clock and asserts on processes.
 *
 * <p>Everything public is in this package; {@code org.camunda4j.testing.internal.*} carries no
 * compatibility promise. Nothing here is null unless marked
 * {@link org.jspecify.annotations.Nullable @Nullable}.
 */
@NullMarked
package org.camunda4j.testing;

import org.jspecify.annotations.NullMarked;
