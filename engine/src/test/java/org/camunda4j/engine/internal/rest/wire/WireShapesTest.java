package org.camunda4j.engine.internal.rest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.camunda4j.engine.internal.rest.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response record, built with all reference fields {@code null} (and zeros for primitives),
 * writes exactly the 8.9 field names, in the 8.9 order, with the nulls present.
 */
class WireShapesTest {

  static Stream<Arguments> responses() {
    return Stream.of(
        shape(ActivatedJobResult.class, "type processDefinitionId processDefinitionVersion elementId customHeaders worker retries deadline variables tenantId jobKey processInstanceKey processDefinitionKey elementInstanceKey kind listenerEventType userTask tags rootProcessInstanceKey"),
        shape(ActivatedJobResult.UserTaskProperties.class, "action assignee candidateGroups candidateUsers changedAttributes dueDate followUpDate formKey priority userTaskKey"),
        shape(JobActivationResult.class, "jobs"),
        shape(JobSearchResult.class, "customHeaders deadline deniedReason elementId elementInstanceKey endTime errorCode errorMessage hasFailedWithRetriesLeft isDenied jobKey kind listenerEventType processDefinitionId processDefinitionKey processInstanceKey rootProcessInstanceKey retries state tenantId type worker creationTime lastUpdateTime"),
        shape(DeploymentResult.class, "deploymentKey tenantId deployments"),
        shape(DeploymentResult.DeploymentMetadataResult.class, "processDefinition decisionDefinition decisionRequirements form resource"),
        shape(DeploymentResult.DeploymentProcessResult.class, "processDefinitionId processDefinitionVersion resourceName tenantId processDefinitionKey"),
        shape(DeploymentResult.DeploymentDecisionResult.class, "decisionDefinitionId version name tenantId decisionRequirementsId decisionDefinitionKey decisionRequirementsKey"),
        shape(DeploymentResult.DeploymentDecisionRequirementsResult.class, "decisionRequirementsId decisionRequirementsName version resourceName tenantId decisionRequirementsKey"),
        shape(DeploymentResult.DeploymentFormResult.class, "formId version resourceName tenantId formKey"),
        shape(DeploymentResult.DeploymentResourceResult.class, "resourceId resourceName version tenantId resourceKey"),
        shape(CreateProcessInstanceResult.class, "processDefinitionId processDefinitionVersion tenantId variables processDefinitionKey processInstanceKey tags businessId"),
        shape(ProcessInstanceResult.class, "processDefinitionId processDefinitionName processDefinitionVersion processDefinitionVersionTag startDate endDate state hasIncident tenantId processInstanceKey processDefinitionKey parentProcessInstanceKey parentElementInstanceKey rootProcessInstanceKey tags businessId"),
        shape(IncidentResult.class, "processDefinitionId errorType errorMessage elementId creationTime state tenantId incidentKey processDefinitionKey processInstanceKey rootProcessInstanceKey elementInstanceKey jobKey"),
        shape(VariableResult.class, "name tenantId variableKey scopeKey processInstanceKey rootProcessInstanceKey value"),
        shape(VariableSearchResult.class, "name tenantId variableKey scopeKey processInstanceKey rootProcessInstanceKey value isTruncated"),
        shape(TopologyResponse.class, "brokers clusterId clusterSize partitionsCount replicationFactor gatewayVersion lastCompletedChangeId"),
        shape(TopologyResponse.BrokerInfo.class, "nodeId host port partitions version"),
        shape(TopologyResponse.Partition.class, "partitionId role health"),
        shape(LicenseResponse.class, "validLicense licenseType isCommercial expiresAt"),
        shape(MessagePublicationResult.class, "tenantId messageKey"),
        shape(MessageCorrelationResult.class, "tenantId messageKey processInstanceKey"),
        shape(SignalBroadcastResult.class, "tenantId signalKey"),
        shape(UserTaskResult.class, "name state assignee elementId candidateGroups candidateUsers processDefinitionId creationDate completionDate followUpDate dueDate tenantId externalFormReference processDefinitionVersion customHeaders priority userTaskKey elementInstanceKey processName processDefinitionKey processInstanceKey rootProcessInstanceKey formKey tags"));
  }

  private static Arguments shape(Class<?> type, String fields) {
    return Arguments.of(type.getSimpleName(), type, List.of(fields.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void writesExactlyThe89Fields(String name, Class<?> type, List<String> expected) throws Exception {
    JsonNode json = Json.mapper().readTree(Json.write(emptyInstance(type)));

    List<String> written = new ArrayList<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      written.add(names.next());
    }
    assertThat(written).containsExactlyElementsOf(expected);
    for (RecordComponent component : type.getRecordComponents()) {
      if (!component.getType().isPrimitive()) {
        assertThat(json.get(component.getName()).isNull())
            .as("%s is written as an explicit null", component.getName())
            .isTrue();
      }
    }
  }

  private static Object emptyInstance(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = defaultValue(types[i]);
    }
    Constructor<?> constructor = type.getDeclaredConstructor(types);
    return constructor.newInstance(values);
  }

  private static Object defaultValue(Class<?> type) {
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == boolean.class) {
      return false;
    }
    return null;
  }
}
