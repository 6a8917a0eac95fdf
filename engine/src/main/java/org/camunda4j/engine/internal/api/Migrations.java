package org.camunda4j.engine.internal.api;

import org.camunda4j.engine.internal.processing.MigrationPlan;
import org.camunda4j.engine.internal.rest.wire.ProcessInstanceMigrationRequest;

/** A validated migration request (or a batch's migration plan) as the engine's {@link MigrationPlan}. */
final class Migrations {

  private Migrations() {}

  static MigrationPlan of(ProcessInstanceMigrationRequest body) {
    return new MigrationPlan(
        Long.parseLong(body.targetProcessDefinitionKey().strip()),
        body.mappingInstructions().stream().map(m -> new MigrationPlan.Mapping(m.sourceElementId(), m.targetElementId())).toList());
  }
}
