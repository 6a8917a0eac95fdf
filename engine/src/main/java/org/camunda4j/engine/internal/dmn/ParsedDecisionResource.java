package org.camunda4j.engine.internal.dmn;

import java.util.List;

/**
 * A {@code .dmn} file read and checked, not yet deployed: one decision requirements graph (the
 * file's {@code definitions}) and its decisions, in file order.
 *
 * @param decisionRequirementsId the {@code id} of the file's {@code definitions}
 */
public record ParsedDecisionResource(
    String resourceName, String decisionRequirementsId, String decisionRequirementsName, List<Decision> decisions, String xml) {

  /** One decision of the graph; {@code versionTag} is the optional {@code camunda:versionTag}. */
  public record Decision(String decisionId, String name, DecisionType type, String versionTag) {}
}
