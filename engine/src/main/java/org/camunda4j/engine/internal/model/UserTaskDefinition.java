package org.camunda4j.engine.internal.model;

import java.util.List;
import java.util.Map;
import org.camunda4j.engine.internal.feel.FeelExpression;

/**
 * What a Camunda user task ({@code zeebe:userTask}) is created with. Every attribute may be absent
 * (null), static or FEEL; they are evaluated when the task is created.
 *
 * @param candidateGroups static: a comma-separated list; FEEL: a list of strings
 * @param priority 0-100; absent means 50
 * @param formId the id of a linked Camunda form ({@code .form} deployed with the process or before)
 * @param formFromSameDeployment binding type "deployment": the form deployed with the process, else the latest
 * @param listeners every task listener, in model order
 */
public record UserTaskDefinition(
    FeelExpression assignee,
    FeelExpression candidateGroups,
    FeelExpression candidateUsers,
    FeelExpression dueDate,
    FeelExpression followUpDate,
    FeelExpression priority,
    FeelExpression externalFormReference,
    String formId,
    boolean formFromSameDeployment,
    Map<String, String> headers,
    List<TaskListenerDefinition> listeners) {

  public static final int DEFAULT_PRIORITY = 50;

  /** The listeners of one event, in model order. */
  public List<TaskListenerDefinition> listeners(TaskListenerEventType eventType) {
    return listeners.stream().filter(l -> l.eventType() == eventType).toList();
  }

  /** A model assignee makes an assigning transition follow the creation. */
  public boolean hasModelAssignee() {
    return assignee != null;
  }
}
